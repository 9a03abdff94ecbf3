-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.int_suffix.d: [D_SYNTAX] line 11: syntax error near "u"
