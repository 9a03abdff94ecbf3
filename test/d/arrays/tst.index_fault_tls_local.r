BADADDR
BADADDR
self->s 1 0 this->t 3 faults 2

-- @@stderr --
dtrace: error on enabled probe ID 1 (ID 1: dtrace:::BEGIN): invalid address (ADDR) in action #2 at DIF offset N
dtrace: error on enabled probe ID 2 (ID 1: dtrace:::BEGIN): invalid address (ADDR) in action #2 at DIF offset N
