-- @@stderr --
dtrace: failed to compile script err.D_XLATE_MEMB.semi_line.d: [D_XLATE_MEMB] line 23: translator member nosuch is not a member of struct output_struct
