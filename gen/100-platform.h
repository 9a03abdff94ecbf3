/* The platform layer: the only code that knows native from Xen PV */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Everything privileged or hypervisor-sensitive goes through the functions
 * declared here.  Two fragments implement them, 110-platform-native.c and
 * 120-platform-xenpv.c; Kconfig's platform choice compiles exactly one.
 * No other fragment tests the platform: if one needs to, a function is
 * missing here.
 *
 * Probe context may call: dtrace_intr_save, dtrace_intr_restore,
 * dtrace_gethrtime, dtrace_getwalltime.
 * Process context only: dtrace_text_poke, dtrace_platform_check,
 * dtrace_platform_selftest.
 */

/* Mask interrupts on this CPU; returns the previous state. */
static inline unsigned long dtrace_intr_save(void);
/* Restore the state dtrace_intr_save returned (delivers pending events). */
static inline void dtrace_intr_restore(unsigned long flags);
/* Monotonic nanoseconds, safe in any context (NMI included). */
static inline u64 dtrace_gethrtime(void);
/* Wall-clock nanoseconds since the epoch, safe in any context. */
static inline u64 dtrace_getwalltime(void);

/*
 * Write len bytes of kernel or module text at addr (not crossing a page)
 * and make every CPU see them.  Process context; may sleep.
 */
static int dtrace_text_poke(void *addr, const void *src, size_t len);

/*
 * Is this the platform the module was built for?  0 if so; otherwise logs
 * one line saying what was built, what was found and how to rebuild, and
 * returns -ENODEV.  Called first in module init.
 */
static int dtrace_platform_check(void);

/* Patch and restore a byte of a function the module owns; 0 if it works. */
static int dtrace_platform_selftest(void);

/* Name of what the running system is, for the status file. */
static const char *dtrace_platform_found(void);
