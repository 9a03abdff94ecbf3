/* Small helpers used by every layer */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers that many fragments use come first so the compiler can inline
 * them.  Nothing here may sleep or allocate: all of it is safe in probe
 * context.
 */
#define DTRACE_ALIGN8(x)	(((x) + 7) & ~(typeof(x))7)

/*
 * Internal invariants (CONFIG_DTRACE_DEBUG): DTRACE_ASSERT(cond) checks
 * cond and, if it is false, warns once with the condition and where it
 * is (WARN_ONCE: fatal under panic_on_warn, as in the VM tests, which
 * build with it).  Without CONFIG_DTRACE_DEBUG cond is not evaluated and
 * nothing is compiled.  Safe in probe context.  The user-space unit tests
 * define it to abort (test/unit/shim.h).
 *
 * dtrace_assert_held(mutex): lockdep's check (kernels with lockdep) and,
 * under CONFIG_DTRACE_DEBUG, that the mutex is held at all.
 */
#ifndef DTRACE_ASSERT
#define DTRACE_ASSERT(cond)						\
	do {								\
		if (DTRACE_CFG_DEBUG && unlikely(!(cond)))		\
			WARN_ONCE(1, "dtrace: assertion %s failed at %s:%d\n", \
				  #cond, __func__, __LINE__);		\
	} while (0)

#define dtrace_assert_held(m)						\
	do {								\
		lockdep_assert_held(m);					\
		DTRACE_ASSERT(mutex_is_locked(m));			\
	} while (0)
#endif

/*
 * Kernel memory a consumer makes the module allocate is charged to the
 * consumer's memory cgroup (__GFP_ACCOUNT; kvmalloc and __vmalloc charge
 * the pages too), so memory.max bounds what one container can pin with
 * /dev/dtrace; going over it is -ENOMEM for that consumer
 * (__GFP_RETRY_MAYFAIL: neither the global nor the cgroup's OOM killer).  DTRACE_GFP_CONSUMER, in the consumer's own
 * process context (ioctl), for the allocations whose size the consumer
 * chooses or multiplies:
 *   - the principal and speculation buffers (510, bufsize/specsize x
 *     CPUs), the per-CPU scratch and key buffers (600);
 *   - the aggregation buffers (520, aggsize x CPUs x 2) and the dynamic
 *     variable space with its hash and chunk map, global and clause-local
 *     variables (410, dynvarsize, strsize x variables x CPUs);
 *   - DIF objects (400), clauses, actions, ECBs and the ECB array (500),
 *     the enabling blob copied in (610, up to 64 MiB, transient), the
 *     probe listing's output array (610).
 * Not charged, on purpose: the consumer's own small fixed-size
 * structures (struct dtrace_state, the aggregation and speculation
 * headers: bounded by CONFIG_DTRACE_MAX_CONSUMERS, freed at close);
 * probes and providers (module-wide, they outlive the consumer that
 * named them; profile-N are capped by CONFIG_DTRACE_PROFILE_MAX);
 * ECBs made for a retained enabling when a probe appears later
 * (dtrace_ecb_retain runs in whoever creates the probe, e.g. a module
 * load, which must not be charged for, or fail on, another's enabling;
 * they are bounded by CONFIG_DTRACE_MAX_ENABLINGS); the module's tables
 * made at load.
 */
#define DTRACE_GFP_CONSUMER						\
	(GFP_KERNEL_ACCOUNT | __GFP_NOWARN | __GFP_RETRY_MAYFAIL)

/* Bounded string length: the length of s, at most max. */
static inline size_t dtrace_strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n] != '\0')
		n++;
	return n;
}

/* True if the NUL-terminated buffer buf[len] holds a terminated string. */
static inline bool dtrace_str_terminated(const char *buf, size_t len)
{
	return dtrace_strnlen(buf, len) < len;
}
