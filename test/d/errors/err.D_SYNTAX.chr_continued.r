-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.chr_continued.d: [D_SYNTAX] line 11: syntax error near "'"
