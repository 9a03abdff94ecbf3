-- @@stderr --
dtrace: failed to compile script err.D_DIV_ZERO.message.d: [D_DIV_ZERO] line 11: expression contains division by zero
