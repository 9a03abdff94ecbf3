/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim-agg.h - the kernel names gen/520-aggregate.c uses beyond the common
 * user-space shim (test/unit/shim.h): a mutex, CPU hotplug lock, the
 * cross-CPU call that flips aggregation buffers, nr_cpu_ids, copy_to_user
 * and READ_ONCE/WRITE_ONCE.  Self-contained (standard C types only) so that
 * shim.h may include it anywhere; every name is guarded so that shim.h may
 * define it first.
 *
 * Test hooks: shim_cpu_impossible (bit mask of CPU numbers that are holes
 * in cpu_possible_mask), shim_cpu_offline (bit mask:
 * smp_call_function_single fails with -ENXIO for those CPUs, as the kernel
 * does for offline CPUs), shim_ipi_calls / shim_ipi_last_cpu (what was
 * called), shim_copy_to_user_fail (copy_to_user fails while nonzero).
 */
#ifndef SHIM_AGG_H
#define SHIM_AGG_H

#include <errno.h>
#include <string.h>

#ifndef __user
#define __user
#endif

#ifndef READ_ONCE
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#endif
#ifndef WRITE_ONCE
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))
#endif

#ifndef SHIM_HAVE_MUTEX
#define SHIM_HAVE_MUTEX
struct mutex {
	int locked;
};
static inline void mutex_init(struct mutex *m)
{
	m->locked = 0;
}
static inline void mutex_lock(struct mutex *m)
{
	m->locked++;
}
static inline void mutex_unlock(struct mutex *m)
{
	m->locked--;
}
#endif

#ifndef SHIM_HAVE_CPUS_READ_LOCK
#define SHIM_HAVE_CPUS_READ_LOCK
static int shim_cpus_read_locked;
static inline void cpus_read_lock(void)
{
	shim_cpus_read_locked++;
}
static inline void cpus_read_unlock(void)
{
	shim_cpus_read_locked--;
}
#endif

/* shim.h defines nr_cpu_ids (SHIM_NR_CPUS of them) */
#if !defined(SHIM_HAVE_NR_CPU_IDS) && !defined(SHIM_NR_CPUS)
#define SHIM_HAVE_NR_CPU_IDS
static unsigned int shim_nr_cpus = 4;
#define nr_cpu_ids shim_nr_cpus
#endif

#if !defined(SHIM_HAVE_CPU_POSSIBLE) && !defined(cpu_possible)
#define SHIM_HAVE_CPU_POSSIBLE
static __maybe_unused unsigned long shim_cpu_impossible; /* holes */
#define cpu_possible(c) \
	((c) < nr_cpu_ids && !((c) < 64 && (shim_cpu_impossible >> (c)) & 1))
#endif

#ifndef SHIM_HAVE_SMP_CALL
#define SHIM_HAVE_SMP_CALL
typedef void (*smp_call_func_t)(void *info);
static unsigned long shim_cpu_offline;
static unsigned int shim_ipi_calls;
static int shim_ipi_last_cpu = -1;
/* "Runs fn on cpu": here it simply runs it, as the kernel would there. */
static inline int smp_call_function_single(int cpu, smp_call_func_t fn,
					   void *info, int wait)
{
	(void)wait;
	if (cpu < 0 || (unsigned int)cpu >= nr_cpu_ids ||
	    (cpu < 64 && (shim_cpu_offline & (1UL << cpu))))
		return -ENXIO;
	shim_ipi_calls++;
	shim_ipi_last_cpu = cpu;
	fn(info);
	return 0;
}
#endif

#ifndef SHIM_HAVE_COPY_TO_USER
#define SHIM_HAVE_COPY_TO_USER
static int shim_copy_to_user_fail;
static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	if (shim_copy_to_user_fail)
		return n;
	memcpy(to, from, n);
	return 0;
}
#endif

#ifndef SHIM_HAVE_SIPHASH
#define SHIM_HAVE_SIPHASH
/* The kernel's keyed hash: SipHash-2-4 (Aumasson and Bernstein). */
typedef struct {
	uint64_t key[2];
} siphash_key_t;

#define SHIM_ROTL64(x, b)	(((x) << (b)) | ((x) >> (64 - (b))))
#define SHIM_SIPROUND(v0, v1, v2, v3) do {				\
	v0 += v1; v1 = SHIM_ROTL64(v1, 13); v1 ^= v0;			\
	v0 = SHIM_ROTL64(v0, 32);					\
	v2 += v3; v3 = SHIM_ROTL64(v3, 16); v3 ^= v2;			\
	v0 += v3; v3 = SHIM_ROTL64(v3, 21); v3 ^= v0;			\
	v2 += v1; v1 = SHIM_ROTL64(v1, 17); v1 ^= v2;			\
	v2 = SHIM_ROTL64(v2, 32);					\
} while (0)

static inline uint64_t siphash(const void *data, size_t len,
			       const siphash_key_t *key)
{
	const unsigned char *p = data;
	uint64_t v0 = 0x736f6d6570736575ULL ^ key->key[0];
	uint64_t v1 = 0x646f72616e646f6dULL ^ key->key[1];
	uint64_t v2 = 0x6c7967656e657261ULL ^ key->key[0];
	uint64_t v3 = 0x7465646279746573ULL ^ key->key[1];
	uint64_t b = (uint64_t)len << 56, m;
	size_t i, left = len & 7;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&m, p + i, 8);
		v3 ^= m;
		SHIM_SIPROUND(v0, v1, v2, v3);
		SHIM_SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	while (left--)
		b |= (uint64_t)p[i + left] << (8 * left);
	v3 ^= b;
	SHIM_SIPROUND(v0, v1, v2, v3);
	SHIM_SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	for (i = 0; i < 4; i++)
		SHIM_SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}
#endif

#ifndef SHIM_HAVE_GET_RANDOM_BYTES
#define SHIM_HAVE_GET_RANDOM_BYTES
/* Tests may set shim_random_seed; each call gives new bytes. */
static uint64_t shim_random_seed = 0x853c49e6748fea9bULL;

static inline void get_random_bytes(void *buf, size_t n)
{
	unsigned char *p = buf;
	size_t i;

	for (i = 0; i < n; i++) {
		shim_random_seed = shim_random_seed * 6364136223846793005ULL +
				   1442695040888963407ULL;
		p[i] = (unsigned char)(shim_random_seed >> 56);
	}
}
#endif

#endif /* SHIM_AGG_H */
