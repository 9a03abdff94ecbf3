-- @@stderr --
dtrace: failed to enable 'err.stop_no_w.d': destructive actions not allowed
