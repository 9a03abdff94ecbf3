-- @@stderr --
dtrace: failed to compile script err.D_PROTO_LEN.message.d: [D_PROTO_LEN] line 12: strlen( ) prototype mismatch: 2 args passed, 1 expected
