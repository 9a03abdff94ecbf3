-- @@stderr --
dtrace: failed to compile script err.D_PROTO_LEN.printf_message.d: [D_PROTO_LEN] line 13: printf( ) prototype mismatch: 0 args passed, 1 expected
