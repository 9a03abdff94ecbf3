-- @@stderr --
dtrace: failed to enable 'err.copyout_no_w.d': destructive actions not allowed
