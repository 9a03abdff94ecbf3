-- @@stderr --
dtrace: failed to compile script err.D_XLATE_INCOMPAT.string_int.d: [D_XLATE_INCOMPAT] line 21: translator member oi definition uses incompatible types: "int" = "string"
