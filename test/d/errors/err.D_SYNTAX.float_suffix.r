-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.float_suffix.d: [D_SYNTAX] line 10: floating-point constants are not permitted
