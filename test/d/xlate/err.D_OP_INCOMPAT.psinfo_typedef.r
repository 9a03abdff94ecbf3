-- @@stderr --
dtrace: failed to compile script err.D_OP_INCOMPAT.psinfo_typedef.d: [D_OP_INCOMPAT] line 11: operands have incompatible types: "psinfo_t *" + "psinfo_t *"
