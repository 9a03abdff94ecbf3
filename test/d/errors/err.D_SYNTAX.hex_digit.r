-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.hex_digit.d: [D_SYNTAX] line 10: syntax error near "g"
