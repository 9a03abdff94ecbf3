-- @@stderr --
dtrace: failed to compile script err.D_FUNC_UNDEF.undeclared.d: [D_FUNC_UNDEF] line 11: undefined function name: nosuchfunc
