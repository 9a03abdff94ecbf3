continued

-- @@stderr --
dtrace: error on enabled probe ID E (ID P: dtrace:::BEGIN): invalid address (0x0) in action #1 at DIF offset N
