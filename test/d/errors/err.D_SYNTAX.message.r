-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.message.d: [D_SYNTAX] line 11: syntax error near ";"
