-- @@stderr --
dtrace: failed to compile script err.D_OP_ARITH.double_add.d: [D_OP_ARITH] line 13: operator + requires operands of arithmetic type
