-- @@stderr --
dtrace: failed to enable 'err.system_no_w.d': destructive actions not allowed
