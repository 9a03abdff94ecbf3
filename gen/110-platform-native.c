/* Platform: native x86-64 (bare metal, KVM and HVM guests) */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The native implementation of 100-platform.h, compiled only when Kconfig
 * chose CONFIG_DTRACE_PLATFORM_NATIVE.
 *
 *  - Interrupts: the CPU's interrupt flag, with the raw (untraced)
 *    irqflags operations so that masking never calls into tracing code.
 *  - Time: the kernel's NMI-safe fast monotonic clock (TSC-based here).
 *  - Text: a writable alias mapping of the text page (vmap of the page
 *    that backs it), then a serialising IPI to every CPU so no CPU keeps
 *    executing stale instruction bytes.  CR0.WP is never touched.
 */
#if IS_ENABLED(CONFIG_DTRACE_PLATFORM_NATIVE)

static inline unsigned long dtrace_intr_save(void)
{
	unsigned long flags;

	raw_local_irq_save(flags);
	return flags;
}

static inline void dtrace_intr_restore(unsigned long flags)
{
	raw_local_irq_restore(flags);
}

static inline u64 dtrace_gethrtime(void)
{
	return ktime_get_mono_fast_ns();
}

static inline u64 dtrace_getwalltime(void)
{
	return ktime_get_real_fast_ns();
}

/* Runs on every CPU after a text write: serialise the instruction stream. */
static void dtrace_sync_core_ipi(void *unused)
{
	sync_core();
}

static void dtrace_text_sync(void)
{
	on_each_cpu(dtrace_sync_core_ipi, NULL, 1);
}

static const char *dtrace_platform_found(void)
{
	if (xen_pv_domain())
		return "a Xen PV guest";
	if (xen_hvm_domain())
		return "a Xen HVM guest";
	return "native x86-64";
}

static int dtrace_platform_check(void)
{
	if (!xen_pv_domain())
		return 0;
	pr_err("built for native x86-64 (bare metal, KVM/HVM) but found %s: refusing to load; rebuild with 'make xenpv_defconfig && make'\n",
	       dtrace_platform_found());
	return -ENODEV;
}

#endif /* CONFIG_DTRACE_PLATFORM_NATIVE */
