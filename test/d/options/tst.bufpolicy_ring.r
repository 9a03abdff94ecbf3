one run of consecutive records: yes
oldest kept: no
newest kept: yes
all kept: no
fits in 512 bytes: yes
-- @@stderr --
drops reported: no
other messages: 0
