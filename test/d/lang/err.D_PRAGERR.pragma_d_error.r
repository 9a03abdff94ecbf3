-- @@stderr --
dtrace: failed to compile script err.D_PRAGERR.pragma_d_error.d: [D_PRAGERR] line 7: #error: unsupported configuration 
