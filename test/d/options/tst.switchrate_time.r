one run from 1: yes
all 60 arrived: no
-- @@stderr --
drops reported: yes
other messages: 0
