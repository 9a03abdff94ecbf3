-- @@stderr --
dtrace: failed to compile script err.D_OP_INCOMPAT.double_assign.d: [D_OP_INCOMPAT] line 12: operands have incompatible types: "double" = "int"
