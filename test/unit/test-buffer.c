// SPDX-License-Identifier: GPL-2.0
/*
 * test-buffer.c - unit tests of gen/510-buffer.c (principal buffers: switch,
 * fill, ring) and gen/530-speculate.c (the speculation state machine), the
 * same source the module compiles.
 *
 * Expectations come from the policies' definitions (dtrace.h, the Dynamic
 * Tracing Guide's "Buffers and Buffering" and "Speculative Tracing"),
 * checked against a model kept by the test: the sequence numbers of the
 * records written.
 *
 * Output: "ok N - name" / "not ok N - name" and "N passed, N failed".
 */
#include "shim.h"
#include "shim-core.h"
#include "gen/300-core.h"
#include "gen/305-framework.h"
#include "gen/510-buffer.c"
#include "gen/530-speculate.c"

static int npass, nfail;

static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", cond ? "ok" : "not ok", npass + nfail + 1);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (cond)
		npass++;
	else
		nfail++;
}

/* A record of size bytes (>= 24) carrying sequence number seq. */
static bool put(struct dtrace_buffer *b, u32 size, u64 seq, bool end)
{
	struct dtrace_rechdr *h;
	u64 off;

	h = dtrace_buffer_reserve(b, size, end, &off);
	if (!h)
		return false;
	h->epid = 1;
	h->size = size;
	h->timestamp = seq;
	memset(h + 1, 0x5a, size - sizeof(*h));
	dtrace_buffer_commit(b, off, size);
	return true;
}

/*
 * The sequence numbers in b's committed data, in order; returns the count
 * or -1 if the records are malformed.
 */
static int contents(const struct dtrace_buffer *b, u64 *seq, int max,
		    u64 *bytes)
{
	u64 off[2], len[2];
	int n = 0, s, nseg = dtrace_buffer_segments(b, off, len);

	*bytes = 0;
	for (s = 0; s < nseg; s++) {
		u64 o = off[s], e = off[s] + len[s];

		if (e > b->size)
			return -1;
		while (o < e) {
			const struct dtrace_rechdr *h =
				(const void *)(b->data + o);

			if (h->size < 24 || h->size % 8 || o + h->size > e ||
			    n == max)
				return -1;
			seq[n++] = h->timestamp;
			o += h->size;
			*bytes += h->size;
		}
	}
	return n;
}

static void test_switch(void)
{
	struct dtrace_buffer b;
	u64 seq[64], bytes;
	int i, n, ok = 1;

	check(dtrace_buffer_alloc(&b, 100, 0) == -EINVAL,
	      "switch: size not a multiple of 8 refused");
	check(dtrace_buffer_alloc(&b, 240, DTRACE_BUFPOLICY_SWITCH) == 0,
	      "switch: alloc 240");
	for (i = 0; i < 10; i++)
		ok &= put(&b, 24, i, false) == (i < 10);
	check(ok && b.head == 240, "switch: ten 24-byte records fill 240 bytes");
	check(!put(&b, 24, 10, false) && !put(&b, 24, 11, true),
	      "switch: the 11th does not fit, END or not");
	check(b.flags == 0, "switch: no FULL/WRAPPED flag");
	n = contents(&b, seq, 64, &bytes);
	for (i = 0; i < n; i++)
		ok &= seq[i] == (u64)i;
	check(n == 10 && ok && bytes == 240, "switch: records 0..9 in order");
	check(dtrace_buffer_reserve(&b, 12, false, &bytes) == NULL,
	      "switch: unaligned size refused");
	dtrace_buffer_reset(&b);
	n = contents(&b, seq, 64, &bytes);
	check(n == 0 && put(&b, 240, 0, false), "switch: reset empties it");
	dtrace_buffer_free(&b);
}

static void test_fill(void)
{
	struct dtrace_buffer b;
	u64 seq[64], bytes;
	int i, n, ok = 1;

	dtrace_buffer_alloc(&b, 256, DTRACE_BUFPOLICY_FILL);
	b.resv = 48;		/* two 24-byte END records */
	for (i = 0; i < 8; i++)
		ok &= put(&b, 24, i, false);
	check(ok && b.flags == 0, "fill: 8 records fit in 256 - 48");
	check(!put(&b, 24, 8, false) && (b.flags & DTRACE_BUF_FULL),
	      "fill: 9th refused, FULL set");
	check(put(&b, 24, 100, true) && put(&b, 24, 101, true),
	      "fill: END records use the reserve");
	check(!put(&b, 24, 102, true), "fill: reserve exhausted");
	n = contents(&b, seq, 64, &bytes);
	check(n == 10 && seq[7] == 7 && seq[8] == 100 && seq[9] == 101,
	      "fill: contents 0..7, 100, 101");
	/* Snapshots of a fill buffer hand out [snap, head). */
	b.snap = 24 * 4;
	n = contents(&b, seq, 64, &bytes);
	check(n == 6 && seq[0] == 4, "fill: segments start at snap");
	dtrace_buffer_free(&b);
}

/* Ring: with uniform records exactly floor(size / rs) of the newest stay. */
static void test_ring_uniform(u32 size, u32 rs, int writes)
{
	struct dtrace_buffer b;
	u64 seq[256], bytes;
	int i, n, keep, ok = 1;

	dtrace_buffer_alloc(&b, size, DTRACE_BUFPOLICY_RING);
	for (i = 0; i < writes; i++)
		ok &= put(&b, rs, i, false);
	n = contents(&b, seq, 256, &bytes);
	keep = writes < (int)(size / rs) ? writes : (int)(size / rs);
	for (i = 0; i < n; i++)
		ok &= seq[i] == (u64)(writes - n + i);
	check(ok && n == keep && bytes <= size,
	      "ring %u/%u after %d writes: the newest %d in order (got %d)",
	      size, rs, writes, keep, n);
	check(!!(b.flags & DTRACE_BUF_WRAPPED) == (writes * rs > size),
	      "ring %u/%u after %d writes: WRAPPED flag", size, rs, writes);
	dtrace_buffer_free(&b);
}

/* Ring with random sizes: always a suffix of what was written. */
static void test_ring_random(void)
{
	struct dtrace_buffer b;
	u64 seq[512], bytes;
	unsigned int r = 12345;
	int i, k, n, ok = 1, minkept = 1 << 30;

	dtrace_buffer_alloc(&b, 1000, DTRACE_BUFPOLICY_RING);
	for (i = 0; i < 2000; i++) {
		u32 rs;

		r = r * 1103515245 + 12345;
		rs = 24 + 8 * ((r >> 16) % 30);		/* 24 .. 256 */
		ok &= put(&b, rs, i, false);
		n = contents(&b, seq, 512, &bytes);
		if (n < 1 || bytes > 1000) {
			ok = 0;
			break;
		}
		for (k = 0; k < n; k++)
			ok &= seq[k] == (u64)(i - n + 1 + k);
		if (n < minkept)
			minkept = n;
	}
	check(ok, "ring random sizes: contents are always the newest records, in order");
	check(minkept >= 1, "ring random sizes: the newest record always kept");
	check(dtrace_buffer_reserve(&b, 1008, false, &bytes) == NULL,
	      "ring: a record larger than the buffer is refused");
	dtrace_buffer_free(&b);
}

/* An aborted reservation in a ring leaves consistent contents. */
static void test_ring_abort(void)
{
	struct dtrace_buffer b;
	u64 seq[64], bytes, off;
	int i, n, ok = 1;

	dtrace_buffer_alloc(&b, 240, DTRACE_BUFPOLICY_RING);
	for (i = 0; i < 12; i++)
		put(&b, 24, i, false);
	/* Reserve 48 bytes (destroys the two oldest), then abandon it. */
	memset(dtrace_buffer_reserve(&b, 48, false, &off), 0xff, 48);
	n = contents(&b, seq, 64, &bytes);
	for (i = 0; i < n; i++)
		ok &= seq[i] == (u64)(12 - n + i);
	check(n >= 0 && ok, "ring: abandoned reservation, contents still whole (%d)", n);
	put(&b, 24, 12, false);
	n = contents(&b, seq, 64, &bytes);
	ok = n > 0 && seq[n - 1] == 12;
	for (i = 0; i < n; i++)
		ok &= seq[i] == (u64)(13 - n + i);
	check(ok, "ring: next record after the abandoned one is the newest");
	dtrace_buffer_free(&b);
}

static void test_whole(void)
{
	struct dtrace_buffer b;
	u64 need, got;
	int i;

	dtrace_buffer_alloc(&b, 1024, DTRACE_BUFPOLICY_SWITCH);
	for (i = 0; i < 5; i++)
		put(&b, 24 + 8 * i, i, false);	/* 24 32 40 48 56 */
	got = dtrace_buffer_whole(b.data, b.head, 1000, &need);
	check(got == 200 && need == 0, "whole: everything fits");
	got = dtrace_buffer_whole(b.data, b.head, 100, &need);
	check(got == 96 && need == 48, "whole: 3 records in 100 bytes, next needs 48");
	got = dtrace_buffer_whole(b.data, b.head, 10, &need);
	check(got == 0 && need == 24, "whole: no room for the first");
	dtrace_buffer_free(&b);
}

/* ---- speculations ---- */

static void spec_put(struct dtrace_buffer *b, u64 seq)
{
	put(b, 24, seq, false);
}

static int count_seq(struct dtrace_buffer *b, u64 want)
{
	u64 seq[256], bytes;
	int i, n = contents(b, seq, 256, &bytes), c = 0;

	for (i = 0; i < n; i++)
		c += seq[i] == want;
	return c;
}

static void test_spec(void)
{
	struct dtrace_specset ss;
	struct dtrace_buffer prin[2], *sb;
	struct dtrace_cpucount cc[2];
	bool illop;
	int id1, id2, id3;

	memset(cc, 0, sizeof(cc));
	dtrace_buffer_alloc(&prin[0], 4096, DTRACE_BUFPOLICY_SWITCH);
	dtrace_buffer_alloc(&prin[1], 4096, DTRACE_BUFPOLICY_SWITCH);
	check(dtrace_specset_create(&ss, 2, 2, 256, true, NULL) == 0, "spec: create 2");

	id1 = dtrace_spec_alloc(&ss, &cc[0]);
	id2 = dtrace_spec_alloc(&ss, &cc[0]);
	id3 = dtrace_spec_alloc(&ss, &cc[0]);
	check(id1 == 1 && id2 == 2 && id3 == 0 && cc[0].specdrops_unavail == 1,
	      "spec: ids 1, 2, then 0 counted unavailable");

	/* id 1: data on CPU 0 only, committed from CPU 0: at once. */
	sb = dtrace_spec_buffer(&ss, 1, 0, &cc[0], &illop);
	check(sb && !illop && DTRACESPEC_KIND(ss.spec[0].state) ==
	      DTRACESPEC_ACTIVEONE, "spec: speculate -> ACTIVEONE");
	spec_put(sb, 11);
	check(count_seq(&prin[0], 11) == 0, "spec: nothing in principal yet");
	dtrace_spec_commit(&ss, 1, 0, &prin[0], &cc[0], false);
	check(count_seq(&prin[0], 11) == 1 &&
	      ss.spec[0].state == DTRACESPEC_INACTIVE,
	      "spec: commit on the same CPU copies and frees at once");
	check(dtrace_spec_alloc(&ss, &cc[0]) == 1, "spec: id 1 reusable");

	/* id 1 again: data on CPU 0 and 1; commit from CPU 0. */
	spec_put(dtrace_spec_buffer(&ss, 1, 0, &cc[0], &illop), 21);
	spec_put(dtrace_spec_buffer(&ss, 1, 1, &cc[1], &illop), 22);
	check(DTRACESPEC_KIND(ss.spec[0].state) == DTRACESPEC_ACTIVEMANY,
	      "spec: second CPU -> ACTIVEMANY");
	dtrace_spec_commit(&ss, 1, 0, &prin[0], &cc[0], false);
	check(ss.spec[0].state == DTRACESPEC_COMMITTING &&
	      count_seq(&prin[0], 21) == 1 && count_seq(&prin[1], 22) == 0,
	      "spec: COMMITTING, this CPU's data copied, the other's not yet");
	check(dtrace_spec_buffer(&ss, 1, 1, &cc[1], &illop) == NULL &&
	      cc[1].specdrops_busy == 1, "spec: speculate while committing: busy drop");
	check(dtrace_spec_alloc(&ss, &cc[0]) == 0,
	      "spec: a committing speculation cannot be allocated");
	check(dtrace_spec_clean_prepare(&ss), "spec: cleaner finds work");
	dtrace_spec_clean_cpu(&ss, 0, &prin[0], &cc[0]);
	dtrace_spec_clean_cpu(&ss, 1, &prin[1], &cc[1]);
	dtrace_spec_clean_finish(&ss);
	check(count_seq(&prin[1], 22) == 1 && count_seq(&prin[0], 21) == 1 &&
	      ss.spec[0].state == DTRACESPEC_INACTIVE,
	      "spec: cleaner committed CPU 1's data and freed the speculation");

	/* id 2: discard. */
	spec_put(dtrace_spec_buffer(&ss, 2, 1, &cc[1], &illop), 31);
	dtrace_spec_commit(&ss, 2, 0, &prin[0], &cc[0], true);
	check(ss.spec[1].state == DTRACESPEC_DISCARDING,
	      "spec: discard from another CPU -> DISCARDING");
	dtrace_spec_clean_prepare(&ss);
	dtrace_spec_clean_cpu(&ss, 0, &prin[0], &cc[0]);
	dtrace_spec_clean_cpu(&ss, 1, &prin[1], &cc[1]);
	dtrace_spec_clean_finish(&ss);
	check(count_seq(&prin[0], 31) + count_seq(&prin[1], 31) == 0 &&
	      ss.spec[1].state == DTRACESPEC_INACTIVE &&
	      ss.spec[1].bufs[1].head == 0, "spec: discarded data dropped, freed");

	/* Bad ids. */
	check(dtrace_spec_buffer(&ss, 0, 0, &cc[0], &illop) == NULL && !illop,
	      "spec: speculate(0) is ignored");
	check(dtrace_spec_buffer(&ss, 3, 0, &cc[0], &illop) == NULL && illop,
	      "spec: speculate(nspec + 1) is an illegal operation");
	check(!dtrace_spec_commit(&ss, 9, 0, &prin[0], &cc[0], false),
	      "spec: commit(nspec + 8) is an illegal operation");
	check(dtrace_spec_buffer(&ss, 2, 0, &cc[0], &illop) == NULL &&
	      cc[0].specdrops == 1, "spec: speculate into a free speculation: drop");
	check(!dtrace_spec_clean_prepare(&ss), "spec: cleaner idle");

	/* Principal full at commit: drops counted. */
	id1 = dtrace_spec_alloc(&ss, &cc[0]);
	sb = dtrace_spec_buffer(&ss, id1, 0, &cc[0], &illop);
	spec_put(sb, 41);
	spec_put(sb, 42);
	/* Leave exactly 24 bytes free in CPU 0's principal buffer. */
	while (prin[0].size - prin[0].head >= 72)
		put(&prin[0], 24, 999, false);
	put(&prin[0], prin[0].size - prin[0].head - 24, 999, false);
	cc[0].drops = 0;
	dtrace_spec_commit(&ss, id1, 0, &prin[0], &cc[0], false);
	check(cc[0].drops == 1 && count_seq(&prin[0], 41) == 1,
	      "spec: commit into a nearly full buffer: 1 copied, 1 dropped");

	dtrace_specset_destroy(&ss);
	dtrace_buffer_free(&prin[0]);
	dtrace_buffer_free(&prin[1]);
	check(dtrace_specset_create(&ss, 3, 2, 256, false, NULL) == 0 &&
	      dtrace_spec_alloc(&ss, &cc[0]) == 1 &&
	      dtrace_spec_buffer(&ss, 1, 0, &cc[0], &illop) == NULL,
	      "spec: without buffers speculate() drops");
	dtrace_specset_destroy(&ss);
	{
		bool ok[2] = { true, false };

		check(dtrace_specset_create(&ss, 1, 2, 256, true, ok) == 0 &&
		      dtrace_spec_alloc(&ss, &cc[0]) == 1 &&
		      dtrace_spec_buffer(&ss, 1, 1, &cc[1], &illop) != NULL &&
		      !put(&ss.spec[0].bufs[1], 24, 1, false) &&
		      ss.spec[0].bufs[0].data != NULL,
		      "spec: a CPU without buffers drops its writes");
		dtrace_specset_destroy(&ss);
	}
	shim_fail_alloc_after = 3;
	check(dtrace_specset_create(&ss, 4, 2, 256, true, NULL) == -ENOMEM,
	      "spec: allocation failure reported");
	shim_fail_alloc_after = -1;
	check(shim_nallocs == 0, "no leaks (%ld live allocations)", shim_nallocs);
}

int main(void)
{
	test_switch();
	test_fill();
	test_ring_uniform(240, 24, 5);
	test_ring_uniform(240, 24, 10);
	test_ring_uniform(240, 24, 11);
	test_ring_uniform(240, 24, 1000);
	test_ring_uniform(256, 40, 37);
	test_ring_random();
	test_ring_abort();
	test_whole();
	test_spec();
	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
