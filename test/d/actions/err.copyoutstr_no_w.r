-- @@stderr --
dtrace: failed to enable 'err.copyoutstr_no_w.d': destructive actions not allowed
