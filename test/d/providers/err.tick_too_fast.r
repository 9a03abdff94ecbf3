-- @@stderr --
dtrace: failed to compile script err.tick_too_fast.d: line 11: probe description :::tick-1ns does not match any probes
