-- @@stderr --
dtrace: failed to compile script err.D_INT_OFLOW.message.d: [D_INT_OFLOW] line 10: constant 0x1ffffffffffffffff results in integer overflow
