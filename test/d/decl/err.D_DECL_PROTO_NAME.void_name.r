-- @@stderr --
dtrace: failed to compile script err.D_DECL_PROTO_NAME.void_name.d: [D_DECL_PROTO_NAME] line 7: void parameter may not have a name: x
