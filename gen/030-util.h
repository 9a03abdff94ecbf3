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
