-- @@stderr --
dtrace: failed to compile script err.no_errtags_message.d: line 13: failed to resolve nosuchvar: Unknown variable name
