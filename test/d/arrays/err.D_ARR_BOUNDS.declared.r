-- @@stderr --
dtrace: failed to compile script err.D_ARR_BOUNDS.declared.d: [D_ARR_BOUNDS] line 13: index outside array bounds: 5, max is 5
