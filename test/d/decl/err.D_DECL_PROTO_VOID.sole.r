-- @@stderr --
dtrace: failed to compile script err.D_DECL_PROTO_VOID.sole.d: [D_DECL_PROTO_VOID] line 8: void must be sole parameter
