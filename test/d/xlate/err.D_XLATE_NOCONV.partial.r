-- @@stderr --
dtrace: failed to compile script err.D_XLATE_NOCONV.partial.d: [D_XLATE_NOCONV] line 27: translator does not define conversion for member: ol
