-- @@stderr --
dtrace: failed to enable 'err.breakpoint_no_w.d': destructive actions not allowed
