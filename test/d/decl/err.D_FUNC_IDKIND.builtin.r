-- @@stderr --
dtrace: failed to compile script err.D_FUNC_IDKIND.builtin.d: [D_FUNC_IDKIND] line 11: associative array 'args' may not be referenced as a function
