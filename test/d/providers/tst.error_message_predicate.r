
-- @@stderr --
dtrace: error on enabled probe ID E (ID P: dtrace:::BEGIN): invalid address (0x8) in predicate at DIF offset N
