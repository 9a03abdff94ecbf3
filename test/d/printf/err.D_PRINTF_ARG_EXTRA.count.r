-- @@stderr --
dtrace: failed to compile script err.D_PRINTF_ARG_EXTRA.count.d: [D_PRINTF_ARG_EXTRA] line 9: printf( ) prototype mismatch: only 2 arguments required by this format string
