-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.missing_paren.d: [D_SYNTAX] line 10: syntax error near "}"
