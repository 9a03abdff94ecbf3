one run of consecutive records: yes
oldest kept: yes
newest kept: no
all kept: no
fits in 768 bytes: yes
-- @@stderr --
drops reported: yes
kept + dropped >= 50: yes
other messages: 0
