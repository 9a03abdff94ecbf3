-- @@stderr --
dtrace: failed to compile script err.tick_bad_unit.d: line 11: probe description :::tick-10parsecs does not match any probes
