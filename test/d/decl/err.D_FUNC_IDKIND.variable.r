-- @@stderr --
dtrace: failed to compile script err.D_FUNC_IDKIND.variable.d: [D_FUNC_IDKIND] line 13: scalar 'x' may not be referenced as a function
