/* Platform: Xen PV guest (domU or dom0) */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Xen PV implementation of 100-platform.h, compiled only when Kconfig
 * chose CONFIG_DTRACE_PLATFORM_XEN_PV.  A PV kernel runs deprivileged, so
 * this build must contain no privileged instruction (`make check-insns`
 * proves it):
 *
 *  - Interrupts: a PV vCPU has no usable interrupt flag; event delivery
 *    is masked by the evtchn_upcall_mask byte of the vCPU's vcpu_info.
 *    The kernel's Xen irq operations (pv_ops.irq, installed by the Xen PV
 *    boot code) read and set that mask and, on unmask, force delivery of
 *    events that became pending meanwhile.  We call them directly rather
 *    than through the irqflags inlines, whose alternatives carry a native
 *    CLI/STI for non-Xen CPUs.
 *  - Time: the kernel's NMI-safe fast monotonic clock, whose clocksource
 *    in a PV guest is the Xen clock (per-vCPU pvclock data kept by the
 *    hypervisor), never a raw TSC read taken as time.
 *  - Text: a writable alias mapping made with vmap(); in a PV guest the
 *    kernel's pv page-table operations turn its PTE updates into
 *    hypercalls (page tables are read-only to the guest).  Then an IPI to
 *    every CPU: delivery goes through the hypervisor and returns with an
 *    iret hypercall, which serialises each vCPU.
 */
#if IS_ENABLED(CONFIG_DTRACE_PLATFORM_XEN_PV)

#if !IS_ENABLED(CONFIG_XEN_PV) || !IS_ENABLED(CONFIG_PARAVIRT_XXL)
#error "the Xen PV build of dtrace.ko needs a kernel with CONFIG_XEN_PV=y; choose the native platform (make native_defconfig)"
#endif

typedef unsigned long (*dtrace_xen_save_fl_t)(void);
typedef void (*dtrace_xen_irq_op_t)(void);

static inline unsigned long dtrace_intr_save(void)
{
	unsigned long flags;

	flags = ((dtrace_xen_save_fl_t)pv_ops.irq.save_fl.func)();
	((dtrace_xen_irq_op_t)pv_ops.irq.irq_disable.func)();
	barrier();
	return flags;
}

static inline void dtrace_intr_restore(unsigned long flags)
{
	barrier();
	if (flags & X86_EFLAGS_IF)
		((dtrace_xen_irq_op_t)pv_ops.irq.irq_enable.func)();
}

static inline u64 dtrace_gethrtime(void)
{
	return ktime_get_mono_fast_ns();
}

static inline u64 dtrace_getwalltime(void)
{
	return ktime_get_real_fast_ns();
}

static void dtrace_text_sync_ipi(void *unused)
{
	barrier();
}

static void dtrace_text_sync(void)
{
	on_each_cpu(dtrace_text_sync_ipi, NULL, 1);
}

static const char *dtrace_platform_found(void)
{
	if (xen_pv_domain())
		return "a Xen PV guest";
	if (xen_hvm_domain())
		return "a Xen HVM guest (not PV)";
	return "native x86-64 (no Xen PV)";
}

static int dtrace_platform_check(void)
{
	if (xen_pv_domain())
		return 0;
	pr_err("built for Xen PV but found %s: refusing to load; rebuild with 'make native_defconfig && make'\n",
	       dtrace_platform_found());
	return -ENODEV;
}

#endif /* CONFIG_DTRACE_PLATFORM_XEN_PV */
