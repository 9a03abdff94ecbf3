BADADDR at a + 20
BADADDR at a + 256
b 42 a[4] 4 faults 2

-- @@stderr --
dtrace: error on enabled probe ID 2 (ID 1: dtrace:::BEGIN): invalid address (ADDR) in action #1 at DIF offset N
dtrace: error on enabled probe ID 3 (ID 1: dtrace:::BEGIN): invalid address (ADDR) in action #1 at DIF offset N
