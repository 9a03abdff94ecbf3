-- @@stderr --
dtrace: failed to compile script err.D_XLATE_REDECL.twice.d: [D_XLATE_REDECL] line 26: translator from struct input_struct * to struct output_struct has already been declared
