-- @@stderr --
dtrace: failed to compile script err.D_DECL_SIGNINT.unsigned_float.d: [D_DECL_SIGNINT] line 7: invalid type declaration: signed and unsigned may only be used with integer type
