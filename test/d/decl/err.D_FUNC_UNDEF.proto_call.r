-- @@stderr --
dtrace: failed to compile script err.D_FUNC_UNDEF.proto_call.d: [D_FUNC_UNDEF] line 17: undefined function name: foo
