-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.extra_brace.d: [D_SYNTAX] line 12: syntax error near "}"
