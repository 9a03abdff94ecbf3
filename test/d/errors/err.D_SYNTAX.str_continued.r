-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.str_continued.d: [D_SYNTAX] line 12: syntax error near """
