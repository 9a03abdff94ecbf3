-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.extra_paren.d: [D_SYNTAX] line 9: extra ) in input stream
