/* Small helpers used by every layer */
/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers that many fragments use come first so the compiler can inline
 * them.  Nothing here may sleep or allocate: all of it is safe in probe
 * context.
 */
#define DTRACE_ALIGN8(x)	(((x) + 7) & ~(typeof(x))7)

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
