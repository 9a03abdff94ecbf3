/* SPDX-License-Identifier: GPL-2.0 */
/*
 * shim.h - the kernel names the DIF layer and the core fragments use,
 * defined for user space so that the unit tests and the fuzzer compile the
 * very same gen/ fragments as dtrace.ko.
 *
 * Include this first, then gen/300-core.h and the fragments under test.
 *
 * What the shim models:
 *  - allocation: kmalloc/kzalloc/kvzalloc/vzalloc/... on top of malloc; every
 *    live allocation counts as readable "kernel memory" for
 *    dtrace_load_kernel(), like the kernel's heap;
 *  - memory the tests declare readable (kernel or user, optionally writable
 *    for dtrace_store_user) with shim_mem_add();
 *  - the current thread (pid, tid, ...), the clocks and the random number
 *    generator, all set by the test through the shim_* variables;
 *  - the CPU (shim_cpu), interrupt state and current tid/task are per
 *    host thread, so a test may run several "CPUs" as pthreads;
 *    interrupts are never really masked.
 */
#ifndef DTRACE_TEST_SHIM_H
#define DTRACE_TEST_SHIM_H

#include <errno.h>
#include <sched.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtrace.h"

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

#define __user
#define __force
#define __iomem
#undef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __maybe_unused		__attribute__((__unused__))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define READ_ONCE(x)		(*(volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define container_of(p, type, member) \
	((type *)((char *)(p) - offsetof(type, member)))
#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))
#define min_t(t, a, b)		((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)		((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)
/* A lock holder can be preempted in user space: let it run. */
#define cpu_relax()		sched_yield()
#define pr_warn(...)		fprintf(stderr, __VA_ARGS__)
#define pr_info(...)		fprintf(stderr, __VA_ARGS__)
#define pr_err(...)		fprintf(stderr, __VA_ARGS__)
#define WARN_ON_ONCE(x)		(!!(x))
/* CONFIG_DTRACE_DEBUG's assertions (gen/030-util.h) are always on here. */
#define DTRACE_CFG_DEBUG	1
#define DTRACE_ASSERT(cond)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "assertion %s failed at %s:%d\n", \
				#cond, __func__, __LINE__);		\
			abort();					\
		}							\
	} while (0)
#define BUILD_BUG_ON(x)		_Static_assert(!(x), #x)

struct seq_file;
struct pt_regs;

/* ---- allocation ------------------------------------------------------ */
typedef unsigned int gfp_t;
#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define GFP_NOWAIT	0x4u
#define __GFP_NOWARN	0x100u
#define __GFP_ZERO	0x200u
#define __GFP_ACCOUNT	0x400u
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)
#ifndef __GFP_RETRY_MAYFAIL
#define __GFP_RETRY_MAYFAIL	0x800u
#endif

struct shim_alloc {
	struct shim_alloc *next, *prev;
	size_t size;
	size_t pad;			/* keeps the payload 16-byte aligned */
};

static struct shim_alloc shim_allocs = { &shim_allocs, &shim_allocs, 0, 0 };
static long shim_nallocs;		/* live allocations (leak check) */
static long shim_fail_alloc_after = -1;	/* fail the Nth allocation from now */

static __maybe_unused void *shim_alloc(size_t size, bool zero)
{
	struct shim_alloc *a;

	if (shim_fail_alloc_after == 0)
		return NULL;
	if (shim_fail_alloc_after > 0)
		shim_fail_alloc_after--;
	if (size > ((size_t)1 << 40))
		return NULL;
	a = malloc(sizeof(*a) + size);
	if (!a)
		return NULL;
	if (zero)
		memset(a + 1, 0, size);
	else
		memset(a + 1, 0xa5, size);	/* catch use of uninitialised */
	a->size = size;
	a->next = shim_allocs.next;
	a->prev = &shim_allocs;
	shim_allocs.next->prev = a;
	shim_allocs.next = a;
	shim_nallocs++;
	return a + 1;
}

static __maybe_unused void shim_free(const void *p)
{
	struct shim_alloc *a;

	if (!p)
		return;
	a = (struct shim_alloc *)p - 1;
	a->prev->next = a->next;
	a->next->prev = a->prev;
	shim_nallocs--;
	free(a);
}

#define kmalloc(n, f)		shim_alloc((n), ((f) & __GFP_ZERO) != 0)
#define kzalloc(n, f)		shim_alloc((n), true)
#define kcalloc(n, s, f)	shim_alloc((size_t)(n) * (s), true)
#define kvmalloc(n, f)		shim_alloc((n), ((f) & __GFP_ZERO) != 0)
#define kvzalloc(n, f)		shim_alloc((n), true)
#define vmalloc(n)		shim_alloc((n), false)
#define vzalloc(n)		shim_alloc((n), true)
#define __vmalloc(n, f)		shim_alloc((n), ((f) & __GFP_ZERO) != 0)
#define kfree(p)		shim_free(p)
#define kvfree(p)		shim_free(p)
#define vfree(p)		shim_free(p)

/* ---- CPUs, per-CPU data, locks --------------------------------------- */
#define SHIM_NR_CPUS	4
static unsigned int nr_cpu_ids = SHIM_NR_CPUS;
static __thread int shim_cpu __maybe_unused;			/* the CPU the test "runs" on */
#define smp_processor_id()	(shim_cpu)
#define raw_smp_processor_id()	(shim_cpu)

#define DEFINE_PER_CPU(type, name)	type name[SHIM_NR_CPUS]
#define DECLARE_PER_CPU(type, name)	extern type name[SHIM_NR_CPUS]
#define this_cpu_read(v)		((v)[shim_cpu])
#define this_cpu_write(v, x)		((v)[shim_cpu] = (x))
#define this_cpu_ptr(v)			(&(*(v))[shim_cpu])
#define per_cpu_ptr(v, c)		(&(*(v))[(c)])
#define per_cpu(v, c)			((v)[(c)])
#define for_each_possible_cpu(c) \
	for ((c) = 0; (c) < (int)nr_cpu_ids; (c)++)

typedef struct { int locked; } arch_spinlock_t;
#define __ARCH_SPIN_LOCK_UNLOCKED	{ 0 }
static inline int arch_spin_trylock(arch_spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void arch_spin_unlock(arch_spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

typedef struct { long long counter; } atomic64_t;
#define ATOMIC64_INIT(v)	{ (v) }
#define atomic64_read(a)	__atomic_load_n(&(a)->counter, __ATOMIC_RELAXED)
#define atomic64_set(a, v)	__atomic_store_n(&(a)->counter, (v), __ATOMIC_RELAXED)
#define atomic64_inc(a)		__atomic_add_fetch(&(a)->counter, 1, __ATOMIC_RELAXED)
#define atomic64_add(v, a)	__atomic_add_fetch(&(a)->counter, (v), __ATOMIC_RELAXED)

/* ---- platform (gen/100-platform.h) ------------------------------------ */
static u64 shim_hrtime = 1000000000ULL;	/* advanced by the tests */
static u64 shim_walltime = 1700000000000000000ULL;
static __thread int shim_intr_depth;

static inline unsigned long dtrace_intr_save(void)
{
	return (unsigned long)shim_intr_depth++;
}

static inline void dtrace_intr_restore(unsigned long flags)
{
	shim_intr_depth = (int)flags;
}

static inline u64 dtrace_gethrtime(void)
{
	return shim_hrtime;
}

static inline u64 dtrace_getwalltime(void)
{
	return shim_walltime;
}

/* ---- memory the probe context may read (gen/200-probe-ctx.c) --------- */
#define SHIM_MEM_KERNEL	0x1
#define SHIM_MEM_USER	0x2
#define SHIM_MEM_WRITE	0x4
#define SHIM_NMEM	16

static struct { u64 base, len; int flags; } shim_mem[SHIM_NMEM];
static int shim_nmem;

/* Declare [p, p + len) readable (and writable with SHIM_MEM_WRITE). */
static __maybe_unused void shim_mem_add(const void *p, size_t len, int flags)
{
	if (shim_nmem < SHIM_NMEM) {
		shim_mem[shim_nmem].base = (u64)(uintptr_t)p;
		shim_mem[shim_nmem].len = len;
		shim_mem[shim_nmem].flags = flags;
		shim_nmem++;
	}
}

static __maybe_unused void shim_mem_clear(void)
{
	shim_nmem = 0;
}

static bool shim_mem_ok(u64 addr, size_t len, int flags)
{
	struct shim_alloc *a;
	int i;

	if (addr + len < addr)
		return false;
	for (i = 0; i < shim_nmem; i++) {
		if ((shim_mem[i].flags & flags) != flags)
			continue;
		if (addr >= shim_mem[i].base &&
		    addr + len <= shim_mem[i].base + shim_mem[i].len)
			return true;
	}
	if (flags != SHIM_MEM_KERNEL)
		return false;
	for (a = shim_allocs.next; a != &shim_allocs; a = a->next) {
		u64 base = (u64)(uintptr_t)(a + 1);

		if (addr >= base && addr + len <= base + a->size)
			return true;
	}
	return false;
}

static __maybe_unused int dtrace_load_kernel(void *dst, u64 addr, size_t len)
{
	if (!shim_mem_ok(addr, len, SHIM_MEM_KERNEL))
		return -EFAULT;
	memmove(dst, (const void *)(uintptr_t)addr, len);
	return 0;
}

static __maybe_unused int dtrace_load_user(void *dst, u64 addr, size_t len)
{
	if (!shim_mem_ok(addr, len, SHIM_MEM_USER))
		return -EFAULT;
	memmove(dst, (const void *)(uintptr_t)addr, len);
	return 0;
}

static __maybe_unused int dtrace_store_user(u64 addr, const void *src,
					    size_t len)
{
	if (!shim_mem_ok(addr, len, SHIM_MEM_USER | SHIM_MEM_WRITE))
		return -EFAULT;
	memmove((void *)(uintptr_t)addr, src, len);
	return 0;
}

/* The current thread, as the tests want it. */
static __thread u64 shim_tid = 101, shim_thread = 0xffff888000001000ULL;
static u64 shim_pid = 100, shim_ppid = 1, shim_uid = 0, shim_gid = 0,
	   shim_vtime = 5000, shim_progenitor = 1;
static char shim_execname[16] = "shimtest";
static int shim_stackdepth = 3, shim_ustackdepth = 2;

static __maybe_unused u64 dtrace_cur_pid(void) { return shim_pid; }
static __maybe_unused u64 dtrace_cur_tid(void) { return shim_tid; }
static __maybe_unused u64 dtrace_cur_ppid(void) { return shim_ppid; }
static __maybe_unused u64 dtrace_cur_uid(void) { return shim_uid; }
static __maybe_unused u64 dtrace_cur_gid(void) { return shim_gid; }
static __maybe_unused u64 dtrace_cur_thread(void) { return shim_thread; }
static __maybe_unused u64 dtrace_cur_vtime(void) { return shim_vtime; }

static __maybe_unused void dtrace_cur_execname(char *buf, size_t len)
{
	size_t n = len < sizeof(shim_execname) ? len : sizeof(shim_execname);

	if (!n)
		return;
	memcpy(buf, shim_execname, n);
	buf[n - 1] = '\0';
}

/*
 * d_execargs(): the current thread's arguments lie in user memory at
 * [shim_arg_start, shim_arg_end) (no range: 0, 0); a task's comm lies
 * SHIM_TASK_COMM_OFF bytes into it, so a test makes a task of kernel
 * memory it declares and points shim_thread at it.
 */
#define DTRACE_TASK_COMM_LEN	16
#define SHIM_TASK_COMM_OFF	64
static u64 shim_arg_start, shim_arg_end;

static __maybe_unused bool dtrace_task_argrange(u64 t, u64 *start, u64 *end)
{
	if (t != shim_thread || shim_arg_start >= shim_arg_end)
		return false;
	*start = shim_arg_start;
	*end = shim_arg_end;
	return true;
}

static __maybe_unused u64 dtrace_task_comm_addr(u64 t)
{
	return t + SHIM_TASK_COMM_OFF;
}

/* Progeny of shim_progenitor (and of the current pid itself). */
static __maybe_unused bool dtrace_cur_progenyof(u64 pid)
{
	return pid == shim_pid || pid == shim_ppid || pid == shim_progenitor;
}

static __maybe_unused int dtrace_getpcstack(u64 *pcs, int max, int skip)
{
	int i, n = shim_stackdepth < max ? shim_stackdepth : max;

	(void)skip;
	for (i = 0; i < n; i++)
		pcs[i] = 0xffffffff81000000ULL + 16 * i;
	return n < 0 ? 0 : n;
}

static __maybe_unused int dtrace_getupcstack(u64 *pcs, int max)
{
	int i, n = shim_ustackdepth < max ? shim_ustackdepth : max;

	for (i = 0; i < n; i++)
		pcs[i] = 0x401000ULL + 16 * i;
	return n < 0 ? 0 : n;
}

static u64 shim_rand_state = 0x853c49e6748fea9bULL;

static __maybe_unused u64 dtrace_rand64(void)
{
	u64 x = shim_rand_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	shim_rand_state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static __maybe_unused u64 get_random_u64(void)
{
	return dtrace_rand64();
}

/* No module in user space: no PC is inside dtrace.ko. */
#ifndef THIS_MODULE
#define THIS_MODULE		((void *)0)
#endif
#ifndef SHIM_HAVE_WITHIN_MODULE_CORE
#define within_module_core(addr, mod)	((void)(addr), (void)(mod), false)
#endif

/* ---- framework pieces the DIF layer calls ----------------------------- */
#ifndef SHIM_NO_SPECULATION_STUB
struct dtrace_state;
static int shim_spec_next = 1;		/* what speculation() returns */

static __maybe_unused int dtrace_speculation_alloc(struct dtrace_state *state)
{
	(void)state;
	return shim_spec_next;
}
#endif

/* Helpers every fragment may use (the kernel build inlines them first). */
#include "../../gen/030-util.h"

#if __has_include("shim-agg.h")
#include "shim-agg.h"
#endif

#endif /* DTRACE_TEST_SHIM_H */
