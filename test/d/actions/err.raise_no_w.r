-- @@stderr --
dtrace: failed to enable 'err.raise_no_w.d': destructive actions not allowed
