one run from 1: yes
all 60 arrived: yes
-- @@stderr --
drops reported: no
other messages: 0
