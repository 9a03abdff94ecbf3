-- @@stderr --
dtrace: failed to compile script err.D_OP_ARITH.float_neg.d: [D_OP_ARITH] line 11: operator - requires an operand of arithmetic type
