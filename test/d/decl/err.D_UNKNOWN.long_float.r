-- @@stderr --
dtrace: failed to compile script err.D_UNKNOWN.long_float.d: [D_UNKNOWN] line 9: failed to resolve type long float: Unknown type name
