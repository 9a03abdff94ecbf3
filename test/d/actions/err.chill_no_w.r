-- @@stderr --
dtrace: failed to enable 'err.chill_no_w.d': destructive actions not allowed
