-- @@stderr --
dtrace: failed to compile script err.D_OP_INCOMPAT.typedef_ptr.d: [D_OP_INCOMPAT] line 19: operands have incompatible types: "foo_t *" + "foo_t *"
