// SPDX-License-Identifier: GPL-2.0
/*
 * test-agg.c - unit tests of gen/520-aggregate.c (the same source the
 * module compiles) and of the llquantize helpers in dtrace.h.
 *
 * Expected values come from DTrace's documented semantics, worked out by
 * hand in the comments, or from a straightforward reference implementation
 * in this file (e.g. quantize by scanning DTrace's bucket values), never
 * from the code under test.
 *
 * Output: one "ok N - name" / "not ok N - name" line per check and a
 * summary; exit status 1 if anything failed.
 */
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"
#if __has_include("shim.h")
#include "shim.h"
#include "shim-agg.h"
#else
/* Minimal base shim until test/unit/shim.h exists. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <linux/types.h>
typedef __u8 u8;
typedef __u16 u16;
typedef __u32 u32;
typedef __u64 u64;
typedef __s8 s8;
typedef __s16 s16;
typedef __s32 s32;
typedef __s64 s64;
#define GFP_KERNEL	0
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define likely(x)	__builtin_expect(!!(x), 1)
static inline void *kzalloc(size_t n, int gfp)
{
	(void)gfp;
	return calloc(1, n ? n : 1);
}
static inline void kfree(const void *p)
{
	free((void *)p);
}
static inline void *vmalloc(unsigned long n)
{
	void *p = malloc(n ? n : 1);

	if (p)	/* vmalloc memory is not zeroed: make that visible */
		memset(p, 0xa5, n);
	return p;
}
static inline void vfree(const void *p)
{
	free((void *)p);
}
#include "../../dtrace.h"
#include "shim-agg.h"
#include "../../gen/030-util.h"
#endif

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

struct seq_file;
#include "../../gen/300-core.h"
#include "../../gen/520-aggregate.c"

static int ntests, nfailed;

static void check(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#include <stdarg.h>
static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	ntests++;
	printf("%s %d - ", cond ? "ok" : "not ok", ntests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		nfailed++;
}

/* ------------------------------------------------------------------ */
/* Snapshot parsing */

#define MAXRECS 4096

struct rec {
	u32 aggid;
	u32 keysize;
	u32 valsize;
	const u8 *key;
	const s64 *val;
};

static u8 snapbuf[1 << 20];
static struct rec recs[MAXRECS];
static int nrecs;
static int parse_ok;

/* Snapshot cpu into snapbuf and parse; returns the snapshot's result. */
static long snap(struct dtrace_aggspace *as, int cpu, u64 len, u64 *copied)
{
	u64 off = 0;
	long r;

	memset(snapbuf, 0xee, sizeof(snapbuf));
	r = dtrace_agg_snapshot(as, cpu, snapbuf, len, copied);
	nrecs = 0;
	parse_ok = 1;
	if (r)
		return r;
	while (off < *copied) {
		struct dtrace_aggrec *h = (struct dtrace_aggrec *)(snapbuf + off);
		u32 k8 = (h->keysize + 7) & ~7U;
		u32 i;

		if (h->size % 8 || h->size != sizeof(*h) + k8 + h->valsize ||
		    off + h->size > *copied || nrecs == MAXRECS) {
			parse_ok = 0;
			break;
		}
		for (i = h->keysize; i < k8; i++)
			if (snapbuf[off + sizeof(*h) + i] != 0)
				parse_ok = 0;
		recs[nrecs].aggid = h->aggid;
		recs[nrecs].keysize = h->keysize;
		recs[nrecs].valsize = h->valsize;
		recs[nrecs].key = snapbuf + off + sizeof(*h);
		recs[nrecs].val = (const s64 *)(snapbuf + off + sizeof(*h) + k8);
		nrecs++;
		off += h->size;
	}
	if (off != *copied)
		parse_ok = 0;
	return 0;
}

static long snap_all(struct dtrace_aggspace *as, int cpu)
{
	u64 copied;

	return snap(as, cpu, sizeof(snapbuf), &copied);
}

static const struct rec *find(u32 aggid, const void *key, u32 keysize)
{
	int i;

	for (i = 0; i < nrecs; i++)
		if (recs[i].aggid == aggid && recs[i].keysize == keysize &&
		    !memcmp(recs[i].key, key, keysize))
			return &recs[i];
	return NULL;
}

static struct dtrace_aggspace *mkspace(u64 aggsize, u32 naggs)
{
	struct dtrace_aggspace *as = NULL;
	int r = dtrace_aggspace_create(aggsize, naggs, &as);

	if (r || !as) {
		printf("Bail out! dtrace_aggspace_create(%llu, %u) = %d\n",
		       (unsigned long long)aggsize, naggs, r);
		exit(1);
	}
	return as;
}

static int define(struct dtrace_aggspace *as, u32 id, u32 func, u64 arg2,
		  u32 keysize)
{
	struct dtrace_verr err;

	memset(&err, 0, sizeof(err));
	return dtrace_agg_define(as, id, func, arg2, keysize, &err);
}

static void agg(struct dtrace_aggspace *as, int cpu, u32 id, u64 key, s64 v)
{
	dtrace_aggregate(as, cpu, id, &key, sizeof(key), v, 1);
}

static const struct rec *find64(u32 id, u64 key)
{
	return find(id, &key, sizeof(key));
}

/* ------------------------------------------------------------------ */
/* Reference implementations (DTrace's definitions, written naively) */

/* DTrace's quantize bucket values: -2^62 .. -1, 0, 1 .. 2^62. */
static s64 ref_qval(int b)
{
	int zero = DTRACE_QUANTIZE_ZEROBUCKET;

	if (b < zero)
		return -((s64)1 << (zero - 1 - b));
	if (b == zero)
		return 0;
	return (s64)1 << (b - zero - 1);
}

/*
 * Negative values go to the first bucket whose value is >= them (scanning
 * up from -2^62); others to the last bucket whose value is <= them.
 */
static int ref_quantize(s64 v)
{
	int b, n = DTRACE_QUANTIZE_NBUCKETS, zero = DTRACE_QUANTIZE_ZEROBUCKET;

	if (v < 0) {
		for (b = 0; b < zero; b++)
			if (v <= ref_qval(b))
				return b;
		return -1;
	}
	for (b = n - 1; b >= zero; b--)
		if (v >= ref_qval(b))
			return b;
	return -1;
}

/* The single nonzero bucket of a value array, -1 if not exactly one. */
static int only_bucket(const s64 *v, u32 n)
{
	int found = -1;
	u32 i;

	for (i = 0; i < n; i++) {
		if (v[i] == 0)
			continue;
		if (v[i] != 1 || found >= 0)
			return -1;
		found = (int)i;
	}
	return found;
}

/* ------------------------------------------------------------------ */

static void test_create_define(void)
{
	struct dtrace_aggspace *as = NULL;
	struct dtrace_verr err;
	u64 lq = DTRACE_LQUANTIZE_ARG(0, 1, 10);
	u64 copied = 1;

	check(dtrace_aggspace_create(0, 1, &as) == -EINVAL && !as,
	      "create: aggsize 0 rejected");
	as = mkspace(100, 1);
	memset(&err, 0, sizeof(err));
	check(dtrace_agg_define(as, 1, DTRACEAGG_QUANTIZE, 0, 0, &err) ==
	      -EINVAL && err.msg[0], "create: aggsize 100 accepted, but no "
	      "quantize entry fits: define fails with a message (%s)", err.msg);
	check(define(as, 1, DTRACEAGG_COUNT, 0, 0) == 0,
	      "create: aggsize 100: a count entry fits");
	dtrace_aggspace_destroy(as);
	as = mkspace(1, 1);
	check(define(as, 1, DTRACEAGG_COUNT, 0, 0) == -EINVAL,
	      "create: aggsize 1 accepted, define fails");
	dtrace_aggspace_destroy(as);
	as = NULL;
	check(dtrace_aggspace_create(1ULL << 40, 1, &as) == -EINVAL && !as,
	      "create: aggsize 1 TiB rejected");
	check(dtrace_aggspace_create(4096, 1000000, &as) == -EINVAL && !as,
	      "create: naggs 1000000 rejected");

	as = mkspace(4096, 0);
	check(define(as, 1, DTRACEAGG_COUNT, 0, 0) == -EINVAL,
	      "define: any aggid rejected when naggs = 0");
	check(dtrace_agg_snapshot(as, 0, snapbuf, 0, &copied) == 0 &&
	      copied == 0, "snapshot of a space without aggregations is empty");
	dtrace_aggregate(as, 0, 1, NULL, 0, 1, 1);
	check(dtrace_agg_drops(as) == 0, "aggregate without aggregations ignored");
	dtrace_aggspace_destroy(as);

	as = mkspace(64 * 1024, 3);
	memset(&err, 0, sizeof(err));
	check(dtrace_agg_define(as, 0, DTRACEAGG_COUNT, 0, 8, &err) == -EINVAL &&
	      err.msg[0] && err.offset == ~0U,
	      "define: aggid 0 rejected with a message (%s)", err.msg);
	check(define(as, 4, DTRACEAGG_COUNT, 0, 8) == -EINVAL,
	      "define: aggid naggs+1 rejected");
	check(define(as, 3, DTRACEAGG_COUNT, 0, 8) == 0,
	      "define: aggid naggs accepted");
	check(define(as, 1, 0, 0, 8) == -EINVAL, "define: func 0 rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE + 1, 0, 8) == -EINVAL,
	      "define: func past llquantize rejected");
	check(define(as, 1, DTRACEAGG_SUM, 0, 1U << 30) == -EINVAL,
	      "define: 1 GiB key rejected");
	check(define(as, 1, DTRACEAGG_SUM, 0, 64 * 1024) == -EINVAL,
	      "define: 64 KiB key does not fit a 64 KiB space");
	check(define(as, 1, DTRACEAGG_SUM, 0, 32 * 1024) == 0,
	      "define: 32 KiB key fits a 64 KiB space");
	check(define(as, 2, DTRACEAGG_LQUANTIZE,
		     DTRACE_LQUANTIZE_ARG(0, 0, 10), 8) == -EINVAL,
	      "define: lquantize step 0 rejected");
	check(define(as, 2, DTRACEAGG_LQUANTIZE,
		     DTRACE_LQUANTIZE_ARG(0, 1, 0), 8) == -EINVAL,
	      "define: lquantize levels 0 rejected");
	check(define(as, 2, DTRACEAGG_LQUANTIZE, lq, 8) == 0,
	      "define: lquantize(0, 10, 1) accepted");
	check(define(as, 2, DTRACEAGG_LQUANTIZE, lq, 8) == 0,
	      "define: identical redefinition accepted");
	check(define(as, 2, DTRACEAGG_LQUANTIZE,
		     DTRACE_LQUANTIZE_ARG(0, 2, 10), 8) == -EINVAL,
	      "define: redefinition with another step rejected");
	check(define(as, 2, DTRACEAGG_QUANTIZE, 0, 8) == -EINVAL,
	      "define: redefinition with another function rejected");
	check(define(as, 2, DTRACEAGG_LQUANTIZE, lq, 16) == -EINVAL,
	      "define: redefinition with another key size rejected");
	check(define(as, 3, DTRACEAGG_COUNT, 0, 0) == -EINVAL,
	      "define: count redefined with no key rejected");
	dtrace_aggspace_destroy(as);

	as = mkspace(64 * 1024, 1);
#define LLQ(f, l, h, n) DTRACE_LLQUANTIZE_ARG(f, l, h, n)
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(1, 0, 2, 10), 8) == -EINVAL,
	      "define: llquantize factor 1 rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(0, 0, 2, 10), 8) == -EINVAL,
	      "define: llquantize factor 0 rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 2, 2, 10), 8) == -EINVAL,
	      "define: llquantize low == high rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 3, 2, 10), 8) == -EINVAL,
	      "define: llquantize low > high rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 2, 0), 8) == -EINVAL,
	      "define: llquantize nsteps 0 rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 2, 5), 8) == -EINVAL,
	      "define: llquantize nsteps < factor rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 2, 15), 8) == -EINVAL,
	      "define: llquantize nsteps not a multiple of factor rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 2, 30), 8) == -EINVAL,
	      "define: llquantize nsteps 30 (divides no power of 10) rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(2, 0, 4, 6), 8) == -EINVAL,
	      "define: llquantize factor 2 nsteps 6 rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 18, 10), 8) ==
	      -EINVAL, "define: llquantize 10^19 overflow rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(2, 0, 62, 2), 8) ==
	      -EINVAL, "define: llquantize 2^63 overflow rejected");
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 17, 10), 8) == 0,
	      "define: llquantize(10, 0, 17, 10) accepted (10^18 fits)");
	dtrace_aggspace_destroy(as);

	as = mkspace(64 * 1024, 1);
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(2, 0, 61, 2), 8) == 0,
	      "define: llquantize(2, 0, 61, 2) accepted (2^62 fits)");
	dtrace_aggspace_destroy(as);
	as = mkspace(64 * 1024, 1);
	check(define(as, 1, DTRACEAGG_LLQUANTIZE, LLQ(10, 0, 2, 100), 8) == 0,
	      "define: llquantize(10, 0, 2, 100) accepted");
	dtrace_aggspace_destroy(as);

	/* quantize needs 127 words: it cannot fit in 512 bytes */
	as = mkspace(512, 1);
	memset(&err, 0, sizeof(err));
	check(dtrace_agg_define(as, 1, DTRACEAGG_QUANTIZE, 0, 8, &err) ==
	      -EINVAL && err.msg[0],
	      "define: quantize entry larger than aggsize rejected (%s)",
	      err.msg);
	check(define(as, 1, DTRACEAGG_COUNT, 0, 8) == 0,
	      "define: count fits in 512 bytes");
	dtrace_aggspace_destroy(as);
}

static void test_llquantize_header(void)
{
	u64 a = LLQ(10, 0, 2, 20);
	u64 b = LLQ(2, 1, 4, 4);
	static const struct {
		s64 v;
		u32 bucket;
	} ta[] = {
		/* 10, 0..2, 20 steps: 9 buckets 1..9, 18 of width 5 from 10,
		 * 18 of width 50 from 100, then >= 1000 */
		{ DTRACE_S64_MIN, 0 }, { -1, 0 }, { 0, 0 }, { 1, 1 },
		{ 9, 9 }, { 10, 10 }, { 14, 10 }, { 15, 11 }, { 99, 27 },
		{ 100, 28 }, { 149, 28 }, { 150, 29 }, { 999, 45 },
		{ 1000, 46 }, { DTRACE_S64_MAX, 46 },
	}, tb[] = {
		/* 2, 1..4, 4 steps: [2,4) width 1, [4,8) width 2,
		 * [8,16) width 4, [16,32) width 8, >= 32 */
		{ 1, 0 }, { 2, 1 }, { 3, 2 }, { 4, 3 }, { 5, 3 }, { 6, 4 },
		{ 7, 4 }, { 8, 5 }, { 11, 5 }, { 12, 6 }, { 15, 6 },
		{ 16, 7 }, { 23, 7 }, { 24, 8 }, { 31, 8 }, { 32, 9 },
	};
	static const u64 params[] = {
		LLQ(10, 0, 2, 20), LLQ(2, 1, 4, 4), LLQ(10, 0, 17, 10),
		LLQ(10, 3, 5, 100), LLQ(4, 0, 10, 16), LLQ(2, 0, 61, 2),
		LLQ(3, 2, 6, 9), LLQ(10, 0, 3, 1000),
	};
	unsigned int i, k, bad;

	check(DTRACE_LLQUANTIZE_NBUCKETS(a) == 2 + 9 + 18 + 18,
	      "llquantize(10, 0, 2, 20) has 47 buckets (got %u)",
	      DTRACE_LLQUANTIZE_NBUCKETS(a));
	check(DTRACE_LLQUANTIZE_NBUCKETS(b) == 10,
	      "llquantize(2, 1, 4, 4) has 10 buckets (got %u)",
	      DTRACE_LLQUANTIZE_NBUCKETS(b));
	/* 10, 3..5, 100 steps: 90 buckets per magnitude */
	check(DTRACE_LLQUANTIZE_NBUCKETS(LLQ(10, 3, 5, 100)) == 2 + 3 * 90,
	      "llquantize(10, 3, 5, 100) has 272 buckets");
	/* 10, 0..3, 1000 steps: 9, 90, 900, 900 */
	check(DTRACE_LLQUANTIZE_NBUCKETS(LLQ(10, 0, 3, 1000)) ==
	      2 + 9 + 90 + 900 + 900, "llquantize(10, 0, 3, 1000) has 1901 buckets");
	check(DTRACE_LLQUANTIZE_NBUCKETS(LLQ(10, 0, 2, 30)) == 0 &&
	      DTRACE_LLQUANTIZE_NBUCKETS(LLQ(1, 0, 2, 1)) == 0 &&
	      DTRACE_LLQUANTIZE_NBUCKETS(LLQ(10, 5, 5, 10)) == 0,
	      "invalid llquantize parameters have 0 buckets");
	for (i = 0, bad = 0; i < sizeof(ta) / sizeof(ta[0]); i++)
		if (dtrace_llquantize_bucket(a, ta[i].v) != ta[i].bucket) {
			printf("# value %lld: bucket %u, expected %u\n",
			       (long long)ta[i].v,
			       dtrace_llquantize_bucket(a, ta[i].v),
			       ta[i].bucket);
			bad++;
		}
	check(!bad, "llquantize(10, 0, 2, 20) bucket of each boundary value");
	for (i = 0, bad = 0; i < sizeof(tb) / sizeof(tb[0]); i++)
		if (dtrace_llquantize_bucket(b, tb[i].v) != tb[i].bucket) {
			printf("# value %lld: bucket %u, expected %u\n",
			       (long long)tb[i].v,
			       dtrace_llquantize_bucket(b, tb[i].v),
			       tb[i].bucket);
			bad++;
		}
	check(!bad, "llquantize(2, 1, 4, 4) bucket of each boundary value");
	check(dtrace_llquantize_bucket_min(a, 0) == DTRACE_S64_MIN &&
	      dtrace_llquantize_bucket_min(a, 10) == 10 &&
	      dtrace_llquantize_bucket_min(a, 11) == 15 &&
	      dtrace_llquantize_bucket_min(a, 28) == 100 &&
	      dtrace_llquantize_bucket_min(a, 46) == 1000 &&
	      dtrace_llquantize_bucket_min(a, 47) == DTRACE_S64_MAX,
	      "llquantize(10, 0, 2, 20) bucket lower bounds");
	/* For every bucket: its lower bound maps to it, one less to the
	 * previous one, and bounds increase. */
	for (k = 0; k < sizeof(params) / sizeof(params[0]); k++) {
		u64 p = params[k];
		u32 n = DTRACE_LLQUANTIZE_NBUCKETS(p);

		for (i = 1, bad = 0; i < n; i++) {
			s64 lo = dtrace_llquantize_bucket_min(p, i);

			if (dtrace_llquantize_bucket(p, lo) != i ||
			    dtrace_llquantize_bucket(p, lo - 1) != i - 1 ||
			    (i > 1 && lo <= dtrace_llquantize_bucket_min(p, i - 1)))
				bad++;
		}
		check(n > 2 && !bad &&
		      dtrace_llquantize_bucket(p, DTRACE_S64_MAX) == n - 1 &&
		      dtrace_llquantize_bucket(p, DTRACE_S64_MIN) == 0,
		      "llquantize(%u, %u, %u, %u): %u buckets consistent",
		      DTRACE_LLQUANTIZE_FACTOR(p), DTRACE_LLQUANTIZE_LOW(p),
		      DTRACE_LLQUANTIZE_HIGH(p), DTRACE_LLQUANTIZE_NSTEPS(p), n);
	}
}

static void test_scalar_functions(void)
{
	struct dtrace_aggspace *as = mkspace(64 * 1024, 6);
	const struct rec *r;
	u64 k = 7;

	check(define(as, 1, DTRACEAGG_COUNT, 0, 8) == 0 &&
	      define(as, 2, DTRACEAGG_SUM, 0, 8) == 0 &&
	      define(as, 3, DTRACEAGG_AVG, 0, 8) == 0 &&
	      define(as, 4, DTRACEAGG_MIN, 0, 8) == 0 &&
	      define(as, 5, DTRACEAGG_MAX, 0, 8) == 0 &&
	      define(as, 6, DTRACEAGG_STDDEV, 0, 8) == 0,
	      "define count, sum, avg, min, max, stddev");
	{
		static const s64 vals[] = { 5, -3, 10, 0, -7 };
		unsigned int i, id;

		for (i = 0; i < 5; i++)
			for (id = 1; id <= 6; id++)
				agg(as, 1, id, k, vals[i]);
	}
	check(snap_all(as, 1) == 0 && parse_ok && nrecs == 6,
	      "snapshot has 6 well-formed records");
	r = find64(1, k);
	check(r && r->valsize == 8 && r->val[0] == 5, "count = 5");
	r = find64(2, k);
	check(r && r->valsize == 8 && r->val[0] == 5, "sum(5,-3,10,0,-7) = 5");
	r = find64(3, k);
	check(r && r->valsize == 16 && r->val[0] == 5 && r->val[1] == 5,
	      "avg: count 5, total 5");
	r = find64(4, k);
	check(r && r->valsize == 8 && r->val[0] == -7, "min = -7");
	r = find64(5, k);
	check(r && r->valsize == 8 && r->val[0] == 10, "max = 10");
	r = find64(6, k);
	/* squares: 25 + 9 + 100 + 0 + 49 = 183 */
	check(r && r->valsize == 32 && r->val[0] == 5 && r->val[1] == 5 &&
	      r->val[2] == 183 && r->val[3] == 0,
	      "stddev: count 5, total 5, sum of squares 183");

	/* extremes */
	agg(as, 0, 4, k, DTRACE_S64_MAX);
	agg(as, 0, 5, k, DTRACE_S64_MIN);
	agg(as, 0, 2, k, DTRACE_S64_MAX);
	agg(as, 0, 2, k, 1);
	check(snap_all(as, 0) == 0 && nrecs == 3, "extremes: 3 records");
	r = find64(4, k);
	check(r && r->val[0] == DTRACE_S64_MAX, "min of {INT64_MAX} is INT64_MAX");
	r = find64(5, k);
	check(r && r->val[0] == DTRACE_S64_MIN, "max of {INT64_MIN} is INT64_MIN");
	r = find64(2, k);
	check(r && r->val[0] == DTRACE_S64_MIN,
	      "sum wraps: INT64_MAX + 1 = INT64_MIN");

	/* 128-bit sum of squares */
	agg(as, 2, 6, k, DTRACE_S64_MIN);
	agg(as, 2, 6, k, DTRACE_S64_MIN);
	check(snap_all(as, 2) == 0 && (r = find64(6, k)) &&
	      r->val[0] == 2 && r->val[1] == 0 && r->val[2] == 0 &&
	      (u64)r->val[3] == 0x8000000000000000ULL,
	      "stddev: 2 x INT64_MIN: total wraps to 0, squares 2^127");
	agg(as, 2, 6, k, DTRACE_S64_MAX);
	/* (2^63 - 1)^2 = 2^126 - 2^64 + 1: high 2^62 - 1, low 1 */
	check(snap_all(as, 2) == 0 && (r = find64(6, k)) &&
	      r->val[2] == 1 && r->val[3] == 0x3fffffffffffffffLL,
	      "stddev: INT64_MAX squared as 128 bits");
	agg(as, 2, 6, k, 0xffffffffLL);
	agg(as, 2, 6, k, -0xffffffffLL);
	/* 2 * (2^32 - 1)^2 = 2^65 - 2^34 + 2: carry into the high word */
	check(snap_all(as, 2) == 0 && (r = find64(6, k)) &&
	      r->val[0] == 2 && r->val[1] == 0 && r->val[3] == 1 &&
	      (u64)r->val[2] == 0xfffffffc00000002ULL,
	      "stddev: low word carries into the high word");
	dtrace_aggspace_destroy(as);
}

static void test_quantize(void)
{
	struct dtrace_aggspace *as = mkspace(1 << 20, 1);
	static const struct {
		s64 v;
		int bucket;
	} t[] = {
		/* zero bucket 63; 1 -> 64, [2,4) -> 65, [4,8) -> 66;
		 * -1 -> 62, (-4,-2] -> 61; <= -2^62 -> 0; >= 2^62 -> 126 */
		{ 0, 63 }, { 1, 64 }, { 2, 65 }, { 3, 65 }, { 4, 66 },
		{ 7, 66 }, { 8, 67 }, { -1, 62 }, { -2, 61 }, { -3, 61 },
		{ -4, 60 }, { DTRACE_S64_MIN, 0 }, { DTRACE_S64_MAX, 126 },
		{ (s64)1 << 62, 126 }, { ((s64)1 << 62) - 1, 125 },
		{ -((s64)1 << 62), 0 }, { -((s64)1 << 62) + 1, 1 },
		{ -((s64)1 << 61), 1 }, { ((s64)1 << 61), 125 },
	};
	unsigned int i, bad = 0;
	const struct rec *r;

	check(DTRACE_QUANTIZE_NBUCKETS == 127 && DTRACE_QUANTIZE_ZEROBUCKET == 63,
	      "quantize: 127 buckets, zero bucket 63");
	check(define(as, 1, DTRACEAGG_QUANTIZE, 0, 8) == 0, "define quantize");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		agg(as, 0, 1, i, t[i].v);
	check(snap_all(as, 0) == 0 && parse_ok &&
	      nrecs == (int)(sizeof(t) / sizeof(t[0])),
	      "quantize: one record per key");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		r = find64(1, i);
		if (!r || r->valsize != 127 * 8 ||
		    only_bucket(r->val, 127) != t[i].bucket ||
		    ref_quantize(t[i].v) != t[i].bucket) {
			printf("# quantize(%lld): bucket %d, expected %d (ref %d)\n",
			       (long long)t[i].v,
			       r ? only_bucket(r->val, 127) : -2, t[i].bucket,
			       ref_quantize(t[i].v));
			bad++;
		}
	}
	check(!bad, "quantize: 0, 1, 2, 3, 4, -1, INT64_MIN, INT64_MAX, +-2^62 "
	      "boundaries");

	/* Many values in one key against the reference scan. */
	{
		static s64 expect[127];
		s64 v;
		int sh;

		memset(expect, 0, sizeof(expect));
		for (sh = 0; sh < 63; sh++) {
			s64 base = (s64)((u64)1 << sh);
			s64 cand[] = { base - 1, base, base + 1, -base,
				       -base + 1, -base - 1 };
			unsigned int c;

			for (c = 0; c < 6; c++) {
				v = cand[c];
				agg(as, 3, 1, 999, v);
				expect[ref_quantize(v)]++;
			}
		}
		r = NULL;
		bad = 0;
		if (snap_all(as, 3) == 0 && (r = find64(1, 999)))
			for (i = 0; i < 127; i++)
				if (r->val[i] != expect[i])
					bad++;
		check(r && !bad, "quantize: 378 values around powers of two "
		      "match DTrace's bucket scan");
	}

	/* The increment (quantize(v, incr)): added to the bucket, signed. */
	{
		u64 key = 7;

		dtrace_aggregate(as, 1, 1, &key, sizeof(key), 4, 3);
		dtrace_aggregate(as, 1, 1, &key, sizeof(key), 5, 3);
		dtrace_aggregate(as, 1, 1, &key, sizeof(key), 100, -2);
		dtrace_aggregate(as, 1, 1, &key, sizeof(key), 0, 0);
		r = snap_all(as, 1) == 0 ? find64(1, 7) : NULL;
		check(r && r->val[66] == 6 && r->val[70] == -2 &&
		      r->val[63] == 0 && r->val[64] == 0,
		      "quantize: increments 3 + 3 in [4,8), -2 in [64,128), "
		      "0 in the zero bucket");
	}
	dtrace_aggspace_destroy(as);
}

static void test_lquantize(void)
{
	struct dtrace_aggspace *as = mkspace(1 << 20, 3);
	/* lquantize(v, 0, 10, 2): <0 | [0,2) [2,4) [4,6) [6,8) [8,10) | >=10 */
	u64 a1 = DTRACE_LQUANTIZE_ARG(0, 2, 5);
	/* lquantize(v, -5, 7, 3): <-5 | [-5,-2) [-2,1) [1,4) [4,7) | >=7 */
	u64 a2 = DTRACE_LQUANTIZE_ARG(-5, 3, 4);
	/* lquantize(v, 0, 10, 1) with values beyond 32 bits */
	u64 a3 = DTRACE_LQUANTIZE_ARG(0, 1, 10);
	static const struct {
		u32 id;
		s64 v;
		int bucket;
	} t[] = {
		{ 1, -1, 0 }, { 1, DTRACE_S64_MIN, 0 }, { 1, 0, 1 },
		{ 1, 1, 1 }, { 1, 2, 2 }, { 1, 9, 5 }, { 1, 10, 6 },
		{ 1, DTRACE_S64_MAX, 6 },
		{ 2, -6, 0 }, { 2, -5, 1 }, { 2, -3, 1 }, { 2, -2, 2 },
		{ 2, 0, 2 }, { 2, 1, 3 }, { 2, 6, 4 }, { 2, 7, 5 },
		{ 3, 5000000000LL, 11 }, { 3, 4294967296LL + 3, 11 },
		{ 3, -4294967296LL + 3, 0 }, { 3, 3, 4 },
	};
	unsigned int i, bad = 0;
	const struct rec *r;
	u32 nw[] = { 0, 7, 6, 12 };

	check(define(as, 1, DTRACEAGG_LQUANTIZE, a1, 8) == 0 &&
	      define(as, 2, DTRACEAGG_LQUANTIZE, a2, 8) == 0 &&
	      define(as, 3, DTRACEAGG_LQUANTIZE, a3, 8) == 0,
	      "define three lquantize aggregations");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		agg(as, 1, t[i].id, i, t[i].v);
	check(snap_all(as, 1) == 0 && parse_ok, "lquantize: snapshot");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		r = find64(t[i].id, i);
		if (!r || r->valsize != nw[t[i].id] * 8 ||
		    only_bucket(r->val, nw[t[i].id]) != t[i].bucket) {
			printf("# lquantize @%u (%lld): bucket %d, expected %d\n",
			       t[i].id, (long long)t[i].v,
			       r ? only_bucket(r->val, nw[t[i].id]) : -2,
			       t[i].bucket);
			bad++;
		}
	}
	check(!bad, "lquantize: underflow, levels, overflow boundaries "
	      "(levels + 2 words)");
	dtrace_aggspace_destroy(as);
}

static void test_llquantize(void)
{
	struct dtrace_aggspace *as = mkspace(1 << 20, 1);
	u64 a = LLQ(10, 0, 2, 20);
	static const s64 v[] = { -5, 0, 1, 9, 10, 14, 15, 99, 100, 999, 1000,
				 DTRACE_S64_MAX };
	static const int b[] = { 0, 0, 1, 9, 10, 10, 11, 27, 28, 45, 46, 46 };
	unsigned int i, bad = 0;
	const struct rec *r;

	check(define(as, 1, DTRACEAGG_LLQUANTIZE, a, 8) == 0,
	      "define llquantize(10, 0, 2, 20)");
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		agg(as, 0, 1, i, v[i]);
	check(snap_all(as, 0) == 0 && parse_ok && nrecs == 12,
	      "llquantize: 12 records");
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		r = find64(1, i);
		if (!r || r->valsize != 47 * 8 || only_bucket(r->val, 47) != b[i])
			bad++;
	}
	check(!bad, "llquantize: values land in DTrace's buckets "
	      "(47 words per value)");
	dtrace_aggspace_destroy(as);
}

static void test_keys(void)
{
	struct dtrace_aggspace *as = mkspace(1 << 20, 3);
	const struct rec *r;
	char s1[13], s2[13];
	unsigned int i, bad;

	check(define(as, 1, DTRACEAGG_SUM, 0, 8) == 0 &&
	      define(as, 2, DTRACEAGG_SUM, 0, 8) == 0 &&
	      define(as, 3, DTRACEAGG_COUNT, 0, 13) == 0,
	      "define two int-keyed sums and a 13-byte keyed count");
	/* keys differing only in the last or first byte; same key, other id */
	agg(as, 0, 1, 0x0100000000000000ULL, 1);
	agg(as, 0, 1, 0x0000000000000001ULL, 10);
	agg(as, 0, 1, 0x0000000000000001ULL, 100);
	agg(as, 0, 2, 0x0000000000000001ULL, 1000);
	memset(s1, 0, sizeof(s1));
	memset(s2, 0, sizeof(s2));
	strcpy(s1, "hello");
	strcpy(s2, "hellp");
	dtrace_aggregate(as, 0, 3, s1, 13, 0, 1);
	dtrace_aggregate(as, 0, 3, s1, 13, 0, 1);
	dtrace_aggregate(as, 0, 3, s2, 13, 0, 1);
	/* a key size different from the definition is ignored */
	dtrace_aggregate(as, 0, 3, s2, 12, 0, 1);
	/* undefined aggregation IDs are ignored */
	dtrace_aggregate(as, 0, 4, s2, 8, 0, 1);
	dtrace_aggregate(as, 0, 0, s2, 8, 0, 1);
	check(snap_all(as, 0) == 0 && parse_ok && nrecs == 5,
	      "keys: 5 distinct (aggid, key) records (got %d)", nrecs);
	r = find64(1, 0x0100000000000000ULL);
	check(r && r->val[0] == 1, "keys: high-byte key separate");
	r = find64(1, 1);
	check(r && r->val[0] == 110, "keys: same key folds (10 + 100)");
	r = find64(2, 1);
	check(r && r->val[0] == 1000, "keys: same key, other aggid separate");
	r = find(3, s1, 13);
	check(r && r->val[0] == 2 && r->keysize == 13,
	      "keys: 13-byte string key counted twice, keysize 13");
	r = find(3, s2, 13);
	check(r && r->val[0] == 1, "keys: string differing in a byte separate");
	check(dtrace_agg_drops(as) == 0, "keys: no drops");

	/* many keys through a small table: long chains */
	dtrace_aggspace_destroy(as);
	as = mkspace(64 * 1024, 1);
	define(as, 1, DTRACEAGG_SUM, 0, 8);
	for (i = 0; i < 1000; i++)
		agg(as, 3, 1, (u64)i * 0x10000, i);
	for (i = 0; i < 1000; i++)
		agg(as, 3, 1, (u64)i * 0x10000, 1);
	bad = 0;
	check(snap_all(as, 3) == 0 && parse_ok && nrecs == 1000,
	      "1000 keys: 1000 records (got %d)", nrecs);
	for (i = 0; i < 1000; i++) {
		r = find64(1, (u64)i * 0x10000);
		if (!r || r->val[0] != (s64)i + 1)
			bad++;
	}
	check(!bad, "1000 keys: each sum correct");

	/* empty key */
	dtrace_aggspace_destroy(as);
	as = mkspace(4096, 1);
	define(as, 1, DTRACEAGG_COUNT, 0, 0);
	dtrace_aggregate(as, 0, 1, NULL, 0, 0, 1);
	dtrace_aggregate(as, 0, 1, NULL, 0, 0, 1);
	check(snap_all(as, 0) == 0 && parse_ok && nrecs == 1 &&
	      recs[0].keysize == 0 && recs[0].val[0] == 2 &&
	      ((struct dtrace_aggrec *)snapbuf)->size == 16 + 8,
	      "@ = count() without keys: one 24-byte record, count 2");
	dtrace_aggspace_destroy(as);
}

static void test_cpus(void)
{
	struct dtrace_aggspace *as = mkspace(4096, 1);
	u64 copied;
	const struct rec *r;
	unsigned int calls;

	define(as, 1, DTRACEAGG_COUNT, 0, 8);
	agg(as, 0, 1, 1, 0);
	agg(as, 1, 1, 1, 0);
	agg(as, 1, 1, 1, 0);
	agg(as, 3, 1, 1, 0);
	agg(as, 4, 1, 1, 0);	/* no CPU 4: ignored */
	agg(as, -1, 1, 1, 0);
	calls = shim_ipi_calls;
	check(snap_all(as, 1) == 0 && nrecs == 1 && recs[0].val[0] == 2 &&
	      shim_ipi_calls == calls + 1 && shim_ipi_last_cpu == 1,
	      "cpus: CPU 1 holds only its own count (2), switched on CPU 1");
	check(snap_all(as, 0) == 0 && nrecs == 1 && recs[0].val[0] == 1,
	      "cpus: CPU 0 holds 1");
	check(snap_all(as, 2) == 0 && nrecs == 0, "cpus: CPU 2 holds nothing");
	shim_cpu_offline = 1UL << 3;
	calls = shim_ipi_calls;
	check(snap_all(as, 3) == 0 && nrecs == 1 && recs[0].val[0] == 1 &&
	      shim_ipi_calls == calls,
	      "cpus: offline CPU 3 switched locally, holds 1");
	shim_cpu_offline = 0;
	check(dtrace_agg_snapshot(as, 4, snapbuf, sizeof(snapbuf), &copied) ==
	      -EINVAL && dtrace_agg_snapshot(as, -1, snapbuf, sizeof(snapbuf),
					     &copied) == -EINVAL,
	      "cpus: snapshot of CPU 4 or -1 is -EINVAL");
	check(shim_cpus_read_locked == 0 && as->lock.locked == 0,
	      "cpus: locks balanced");
	dtrace_aggspace_destroy(as);
	/* CPU 2 is a hole in cpu_possible_mask: no buffers, ignored */
	shim_cpu_impossible = 1UL << 2;
	as = mkspace(4096, 1);
	shim_cpu_impossible = 0;
	define(as, 1, DTRACEAGG_COUNT, 0, 8);
	check(!as->cpus[2].buf[0].mem && !as->cpus[2].buf[1].mem &&
	      as->cpus[3].buf[0].mem, "cpus: no buffers for an impossible CPU");
	agg(as, 2, 1, 1, 0);
	agg(as, 3, 1, 1, 0);
	check(dtrace_agg_snapshot(as, 2, snapbuf, sizeof(snapbuf), &copied) ==
	      -EINVAL, "cpus: snapshot of an impossible CPU is -EINVAL");
	check(snap_all(as, 3) == 0 && nrecs == 1 && recs[0].val[0] == 1,
	      "cpus: the next CPU still works");
	r = NULL;
	(void)r;
	dtrace_aggspace_destroy(as);
}

static void test_drops(void)
{
	struct dtrace_aggspace *as = mkspace(1024, 2);
	unsigned int i, stored, bad = 0;
	const struct rec *r;
	u64 d0;

	define(as, 1, DTRACEAGG_SUM, 0, 8);
	define(as, 2, DTRACEAGG_SUM, 0, 8);
	for (i = 0; i < 100; i++)
		agg(as, 0, 1, i, 1);
	d0 = dtrace_agg_drops(as);
	/* keys already present still fold when the buffer is full */
	agg(as, 0, 1, 0, 41);
	check(dtrace_agg_drops(as) == d0, "drops: existing key folds when full");
	agg(as, 1, 1, 500, 1);
	check(dtrace_agg_drops(as) == d0,
	      "drops: another CPU's buffer is not full");
	check(snap_all(as, 0) == 0 && parse_ok, "drops: snapshot");
	stored = nrecs;
	check(stored > 5 && stored < 100 && d0 == 100 - stored,
	      "drops: %u stored + %llu dropped = 100", stored,
	      (unsigned long long)d0);
	for (i = 0; i < 100; i++) {
		r = find64(1, i);
		if (i < stored ? !r || r->val[0] != (i ? 1 : 42) : r != NULL)
			bad++;
	}
	check(!bad, "drops: the first %u keys kept, in order, with their sums",
	      stored);
	/* after a snapshot the space is free again */
	for (i = 0; i < stored; i++)
		agg(as, 0, 2, i, 2);
	check(dtrace_agg_drops(as) == d0,
	      "drops: %u new keys fit after the snapshot", stored);
	agg(as, 0, 2, 1000, 2);
	check(dtrace_agg_drops(as) == d0 + 1, "drops: one more key is a drop");
	check(snap_all(as, 0) == 0 && nrecs == (int)stored,
	      "drops: second snapshot has %u records", stored);
	dtrace_aggspace_destroy(as);
}

static void test_snapshots(void)
{
	struct dtrace_aggspace *as = mkspace(8192, 2);
	u64 copied = 0, need;
	const struct rec *r;
	long ret;

	define(as, 1, DTRACEAGG_COUNT, 0, 8);
	define(as, 2, DTRACEAGG_AVG, 0, 8);
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 1, 5, 0);
	check(snap_all(as, 0) == 0 && (r = find64(1, 5)) && r->val[0] == 3,
	      "delta: first snapshot count 3");
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 1, 5, 0);
	check(snap_all(as, 0) == 0 && nrecs == 1 && (r = find64(1, 5)) &&
	      r->val[0] == 2, "delta: second snapshot count 2");
	check(snap(as, 0, sizeof(snapbuf), &copied) == 0 && copied == 0 &&
	      nrecs == 0, "delta: third snapshot empty");

	/* -ENOSPC keeps the delta for the next call */
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 2, 6, 10);
	agg(as, 0, 2, 6, 20);
	need = 2 * 16 + 2 * 8 + 8 + 16;	/* two headers, two keys, values */
	copied = 0;
	ret = dtrace_agg_snapshot(as, 0, snapbuf, 0, &copied);
	check(ret == -ENOSPC && copied == need,
	      "ENOSPC: zero room: -ENOSPC, needs %llu (got %ld, %llu)",
	      (unsigned long long)need, ret, (unsigned long long)copied);
	ret = dtrace_agg_snapshot(as, 0, snapbuf, need - 1, &copied);
	check(ret == -ENOSPC && copied == need,
	      "ENOSPC: one byte short: -ENOSPC, same size needed");
	/* updates meanwhile go to the active buffer */
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 1, 5, 0);
	agg(as, 0, 2, 6, 30);
	check(snap(as, 0, need, &copied) == 0 && copied == need && nrecs == 2 &&
	      (r = find64(1, 5)) && r->val[0] == 1 && (r = find64(2, 6)) &&
	      r->val[0] == 2 && r->val[1] == 30,
	      "ENOSPC: exact room delivers the kept delta (count 1, avg 2/30)");
	check(snap_all(as, 0) == 0 && nrecs == 2 && (r = find64(1, 5)) &&
	      r->val[0] == 2 && (r = find64(2, 6)) && r->val[0] == 1 &&
	      r->val[1] == 30,
	      "ENOSPC: the next snapshot has the later updates (count 2, avg 1/30)");

	/* a fault while copying out keeps the delta too */
	agg(as, 1, 1, 9, 0);
	shim_copy_to_user_fail = 1;
	ret = dtrace_agg_snapshot(as, 1, snapbuf, sizeof(snapbuf), &copied);
	shim_copy_to_user_fail = 0;
	check(ret == -EFAULT, "EFAULT: copy_to_user failure reported");
	check(snap_all(as, 1) == 0 && nrecs == 1 && (r = find64(1, 9)) &&
	      r->val[0] == 1, "EFAULT: the delta is delivered next time");
	check(snap_all(as, 1) == 0 && nrecs == 0, "EFAULT: then empty");

	/* min/max re-initialize after a snapshot */
	dtrace_aggspace_destroy(as);
	as = mkspace(8192, 2);
	define(as, 1, DTRACEAGG_MIN, 0, 8);
	define(as, 2, DTRACEAGG_MAX, 0, 8);
	agg(as, 0, 1, 1, -100);
	agg(as, 0, 2, 1, 100);
	snap_all(as, 0);
	agg(as, 0, 1, 1, 50);
	agg(as, 0, 2, 1, -50);
	check(snap_all(as, 0) == 0 && (r = find64(1, 1)) && r->val[0] == 50 &&
	      (r = find64(2, 1)) && r->val[0] == -50,
	      "delta: min and max start afresh after a snapshot");
	dtrace_aggspace_destroy(as);
}

/*
 * The hash table grows with the space (one slot per 128 bytes, as for
 * small spaces, with no cap), and the hash is keyed per space: the same
 * (aggid, key) hashes differently in two spaces, so chosen keys cannot be
 * made to collide from outside.
 */
static void test_hash(void)
{
	struct dtrace_aggspace *a = mkspace(64ULL << 20, 1);
	struct dtrace_aggspace *b = mkspace(64ULL << 20, 1);
	static const char k[] = "/usr/lib/x86_64-linux-gnu/libc.so.6";
	int differ = 0;
	u32 i;

	check(a->nhash == (64U << 20) / 128,
	      "hash: 64 MiB space has %u slots (one per 128 bytes)", a->nhash);
	for (i = 0; i < 8; i++)
		differ += dtrace_agg_hash(a, 1, (const u8 *)k, sizeof(k) - i) !=
			  dtrace_agg_hash(b, 1, (const u8 *)k, sizeof(k) - i);
	check(differ >= 7, "hash: keyed per space (%d of 8 keys differ)",
	      differ);
	check(dtrace_agg_hash(a, 1, (const u8 *)k, sizeof(k)) ==
	      dtrace_agg_hash(a, 1, (const u8 *)k, sizeof(k)),
	      "hash: stable within a space");
	dtrace_aggspace_destroy(a);
	dtrace_aggspace_destroy(b);
}

int main(void)
{
	test_create_define();
	test_hash();
	test_llquantize_header();
	test_scalar_functions();
	test_quantize();
	test_lquantize();
	test_llquantize();
	test_keys();
	test_cpus();
	test_drops();
	test_snapshots();
	printf("1..%d\n", ntests);
	printf("# test-agg: %d tests, %d failed\n", ntests, nfailed);
	return nfailed ? 1 : 0;
}
