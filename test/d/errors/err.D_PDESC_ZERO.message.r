-- @@stderr --
dtrace: failed to compile script err.D_PDESC_ZERO.message.d: [D_PDESC_ZERO] line 11: probe description nosuchprov:::nosuchprobe does not match any probes
