-- @@stderr --
dtrace: failed to compile script err.D_SYNTAX.positional_message.d: [D_SYNTAX] line 9: format conversion #1 uses unsupported positional format (%n$)
