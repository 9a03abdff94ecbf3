-- @@stderr --
dtrace: failed to compile script err.D_ARR_BOUNDS.member.d: [D_ARR_BOUNDS] line 15: index outside array bounds: 4, max is 4
