-- @@stderr --
dtrace: failed to compile script err.D_INT_DIGIT.octal.d: [D_INT_DIGIT] line 11: constant 0778u contains invalid digit 8
