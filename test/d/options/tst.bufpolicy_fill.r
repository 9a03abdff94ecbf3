one run of consecutive records: yes
oldest kept: yes
newest kept: no
all kept: no
fits in 512 bytes: yes
END after the last kept record: yes
-- @@stderr --
drops reported: yes
other messages: 0
