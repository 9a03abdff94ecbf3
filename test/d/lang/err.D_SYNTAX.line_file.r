-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.line_file.d: [D_SYNTAX] "elsewhere.d", line 42: syntax error near ";"
