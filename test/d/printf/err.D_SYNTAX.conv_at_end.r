-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.conv_at_end.d: [D_SYNTAX] line 9: format conversion #2 name expected before end of format string
