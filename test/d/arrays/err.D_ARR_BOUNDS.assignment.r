-- @@stderr --
dtrace: failed to compile script err.D_ARR_BOUNDS.assignment.d: [D_ARR_BOUNDS] line 12: index outside array bounds: 5, max is 5
