-- @@stderr --
dtrace: failed to compile script err.D_DECL_PROTO_FORM.dup.d: [D_DECL_PROTO_FORM] line 8: parameter is already declared in function prototype: x, parameter #2
