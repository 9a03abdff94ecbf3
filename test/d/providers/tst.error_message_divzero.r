
-- @@stderr --
dtrace: error on enabled probe ID E (ID P: dtrace:::BEGIN): divide-by-zero in action #2 at DIF offset N
