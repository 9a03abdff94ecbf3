-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.extra_bracket.d: [D_SYNTAX] line 10: extra ] in input stream
