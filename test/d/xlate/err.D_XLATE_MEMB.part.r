-- @@stderr --
dtrace: failed to compile script err.D_XLATE_MEMB.part.d: [D_XLATE_MEMB] line 21: translator member t.c is not a member of struct holder
