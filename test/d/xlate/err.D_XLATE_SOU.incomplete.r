-- @@stderr --
dtrace: failed to compile script err.D_XLATE_SOU.incomplete.d: [D_XLATE_SOU] line 23: incomplete struct/union/enum struct never_defined
