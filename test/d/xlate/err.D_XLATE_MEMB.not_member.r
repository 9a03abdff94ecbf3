-- @@stderr --
dtrace: failed to compile script err.D_XLATE_MEMB.not_member.d: [D_XLATE_MEMB] line 22: translator member nosuch is not a member of struct output_struct
