-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.undefined_wins.d: [D_SYNTAX] line 10: format conversion #2 is undefined: %Z
