-- @@stderr --
dtrace: failed to enable 'err.panic_no_w.d': destructive actions not allowed
