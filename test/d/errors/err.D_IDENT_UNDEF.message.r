-- @@stderr --
dtrace: failed to compile script err.D_IDENT_UNDEF.message.d: [D_IDENT_UNDEF] line 13: failed to resolve nosuchvar: Unknown variable name
