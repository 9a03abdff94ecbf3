// SPDX-License-Identifier: GPL-2.0
/*
 * smoke.c - smoke test of the DTrace framework's ioctls (providers, probe
 * listing, enablings, BEGIN/END ordering, exit(), ERROR, speculations,
 * buffer policies, snapshots, several consumers), driving /dev/dtrace with
 * hand-assembled DIF through the helpers in test/ioctl/.
 *
 * Every check prints "ok N - what" or "not ok N - what (why)"; the exit
 * status is 1 if any check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "consumer.h"
#include "difasm.h"
#include "enabling.h"

static int nchecks, nfail;

static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	nchecks++;
	printf("%s %d - ", cond ? "ok" : "not ok", nchecks);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		nfail++;
	fflush(stdout);
}

static void must(int r, const char *what)
{
	if (r) {
		printf("not ok - %s: %s (fatal)\n", what, strerror(-r));
		exit(1);
	}
}

/* ---- listing ---- */

static int list(struct consumer *c, const char *prov, const char *mod,
		const char *func, const char *name, __u32 page,
		struct dtrace_probedesc *out, int max)
{
	struct dtrace_ioc_probes p;
	struct dtrace_probedesc buf[64];
	int n = 0;

	memset(&p, 0, sizeof(p));
	p.size = sizeof(p);
	p.version = DTRACE_ABI_VERSION;
	snprintf(p.match.provider, sizeof(p.match.provider), "%s", prov);
	snprintf(p.match.mod, sizeof(p.match.mod), "%s", mod);
	snprintf(p.match.func, sizeof(p.match.func), "%s", func);
	snprintf(p.match.name, sizeof(p.match.name), "%s", name);
	p.start = 1;
	for (;;) {
		__u32 i;

		p.count = page;
		p.probes = (__u64)(unsigned long)buf;
		if (ioctl(c->fd, DTRACEIOC_PROBES, &p) < 0)
			return -errno;
		for (i = 0; i < p.count && n < max; i++)
			out[n++] = buf[i];
		if (!p.next)
			break;
		p.start = p.next;
	}
	return n;
}

static int has_name(struct dtrace_probedesc *d, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(d[i].name, name))
			return 1;
	return 0;
}

static void test_listing(void)
{
	struct consumer c;
	struct dtrace_probedesc d[256];
	int n, n1;

	must(c_open(&c), "open");
	n = list(&c, "dtrace", "", "", "", 64, d, 256);
	check(n == 3 && has_name(d, n, "BEGIN") && has_name(d, n, "END") &&
	      has_name(d, n, "ERROR"), "dtrace provider has BEGIN END ERROR (%d)", n);
	check(n == 3 && !d[0].mod[0] && !d[0].func[0] && d[0].id > 0,
	      "dtrace probes have empty module/function and an ID");
	n1 = list(&c, "dtrace", "", "", "", 1, d, 256);
	check(n1 == 3, "paging with count=1 returns the same 3 probes (%d)", n1);
	n = list(&c, "profile", "", "", "tick-1*", 64, d, 256);
	check(n == 6, "glob tick-1* matches 6 default probes (%d)", n);
	n = list(&c, "profile", "", "", "tick-[15]00", 64, d, 256);
	check(n == 2 && has_name(d, n, "tick-100") && has_name(d, n, "tick-500"),
	      "glob tick-[15]00 (%d)", n);
	n = list(&c, "profile", "", "", "tick-[!1]*", 64, d, 256);
	check(n == 2 && has_name(d, n, "tick-500") && has_name(d, n, "tick-5000"),
	      "glob tick-[!1]* (%d)", n);
	n = list(&c, "profile", "", "", "profile-?99", 64, d, 256);
	check(n == 2, "glob profile-?99 (%d)", n);
	n = list(&c, "prof*", "", "", "", 64, d, 256);
	check(n >= 15, "profile provider offers the 15 defaults (%d)", n);
	n = list(&c, "profile", "", "", "tick-250ms", 64, d, 256);
	check(n == 1 && !strcmp(d[0].name, "tick-250ms"),
	      "tick-250ms created on demand (%d)", n);
	n = list(&c, "profile", "", "", "profile-3ns", 64, d, 256);
	check(n == 0, "profile-3ns refused (below the minimum) (%d)", n);
	n = list(&c, "profile", "", "", "tick-5parsecs", 64, d, 256);
	check(n == 0, "tick-5parsecs is not a probe (%d)", n);
	n = list(&c, "", "", "", "", 64, d, 256);
	check(n >= 19, "empty description lists everything (%d)", n);
	c_close(&c);
}

/* ---- enabling errors ---- */

static struct dif *dconst(long long v)
{
	char src[64];

	snprintf(src, sizeof(src), "setx %lld, %%r1; ret %%r1", v);
	return dif_new(src);
}

static void test_enable_errors(void)
{
	struct consumer c;
	struct enabling e;
	struct en_clause *cl;
	struct en_action *a;
	size_t len;
	void *blob;
	int r;

	must(c_open(&c), "open");
	en_init(&e);
	cl = en_clause(&e, "nosuch:::probe");
	en_trace(cl, dconst(1));
	r = c_enable(&c, &e);
	check(r == -EINVAL && strstr(c.en.err_msg, "does not match any probes") &&
	      c.en.err_clause == 0, "unmatched description: EINVAL, \"%s\"",
	      c.en.err_msg);

	e.h.flags = DTRACE_ENABLE_ZDEFS;
	r = c_enable(&c, &e);
	check(r == 0 && c.en.nepids == 0 && c.en.nmatched[0] == 0,
	      "with ZDEFS it is accepted with 0 matches (r=%d)", r);

	en_init(&e);
	cl = en_clause(&e, "dtrace:::BEGIN");
	a = en_action(cl, DTRACEACT_RAISE, 0, 0);
	en_difo(a, dconst(9));
	r = c_enable(&c, &e);
	check(r == -EINVAL && c.en.err_action == 0 &&
	      strstr(c.en.err_msg, "destructive"),
	      "raise() without DESTRUCTIVE refused: \"%s\"", c.en.err_msg);

	en_init(&e);
	cl = en_clause(&e, "dtrace:::BEGIN");
	a = en_action(cl, DTRACEACT_DIFEXPR, 4, 0);
	en_difo(a, dconst(1));
	r = c_enable(&c, &e);
	check(r == -EINVAL, "integer trace with recsize 4 refused: \"%s\"",
	      c.en.err_msg);

	en_init(&e);
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_trace(cl, dconst(1));
	a = en_action(cl, DTRACEACT_SPECULATE, 0, 0);
	en_difo(a, dconst(1));
	r = c_enable(&c, &e);
	check(r == -EINVAL && c.en.err_action == 1,
	      "speculate() after trace() refused: \"%s\"", c.en.err_msg);

	en_init(&e);
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_trace(cl, dconst(1));
	blob = en_blob(&e, &len);
	((struct dtrace_enable_hdr *)blob)->version = 99;
	r = c_enable_blob(&c, blob, len);
	check(r == -EINVAL, "bad enabling version refused");
	((struct dtrace_enable_hdr *)blob)->version = DTRACE_ABI_VERSION;
	r = c_enable_blob(&c, blob, len - 8);
	check(r == -EINVAL, "bloblen != size refused");
	((struct dtrace_clause_hdr *)((char *)blob + e.off_clause[0]))->size += 8;
	r = c_enable_blob(&c, blob, len);
	check(r == -EINVAL && c.en.err_clause == 0,
	      "clause size beyond the blob refused: \"%s\"", c.en.err_msg);
	((struct dtrace_clause_hdr *)((char *)blob + e.off_clause[0]))->size -= 8;
	((struct dtrace_action_hdr *)((char *)blob + e.off_action[0][0]))->kind = 77;
	r = c_enable_blob(&c, blob, len);
	check(r == -EINVAL && c.en.err_action == 0,
	      "unknown action kind refused: \"%s\"", c.en.err_msg);
	((struct dtrace_action_hdr *)((char *)blob + e.off_action[0][0]))->kind =
		DTRACEACT_DIFEXPR;
	r = c_enable_blob(&c, blob, len);
	check(r == 0 && c.en.nepids == 1,
	      "after all those failures, EPIDs start at 1 (nepids %u)",
	      c.en.nepids);
	r = c_enable_blob(&c, blob, len);
	check(r == 0 && c.en.nepids == 2,
	      "a second ENABLE continues the EPIDs (nepids %u)", c.en.nepids);
	must(c_go(&c, NULL), "go");
	r = c_enable_blob(&c, blob, len);
	check(r == -EBUSY, "ENABLE after GO refused (r=%d)", r);
	free(blob);
	c_close(&c);
}

/* ---- ioctl structure validation ---- */

static void test_ioctl_validation(void)
{
	struct consumer c;
	struct dtrace_ioc_status st;
	struct dtrace_ioc_buf b;
	struct dtrace_ioc_epinfo ei;
	int r;

	must(c_open(&c), "open");
	memset(&st, 0, sizeof(st));
	st.size = sizeof(st) - 8;
	st.version = DTRACE_ABI_VERSION;
	r = ioctl(c.fd, DTRACEIOC_STATUS, &st);
	check(r < 0 && errno == EINVAL, "STATUS with a wrong size: EINVAL");
	st.size = sizeof(st);
	st.version = 7;
	r = ioctl(c.fd, DTRACEIOC_STATUS, &st);
	check(r < 0 && errno == EINVAL, "STATUS with a wrong version: EINVAL");
	memset(&b, 0, sizeof(b));
	b.size = sizeof(b);
	b.version = DTRACE_ABI_VERSION;
	b.cpu = 100000;
	r = ioctl(c.fd, DTRACEIOC_BUFSNAP, &b);
	check(r < 0 && errno == EINVAL, "BUFSNAP of a bad CPU: EINVAL");
	r = c_epinfo(&c, 0, &ei);
	check(r == -EINVAL, "EPINFO of EPID 0: EINVAL");
	r = c_epinfo(&c, 1, &ei);
	check(r == -EINVAL, "EPINFO of an EPID not enabled: EINVAL");
	r = c_stop(&c, NULL);
	check(r == -EINVAL, "STOP before GO: EINVAL");
	r = ioctl(c.fd, _IOWR(DTRACE_IOC_MAGIC, 99, struct dtrace_ioc_status), &st);
	check(r < 0 && errno == ENOTTY, "unknown ioctl: ENOTTY");
	r = ioctl(c.fd, DTRACEIOC_STATUS, (void *)16);
	check(r < 0 && errno == EFAULT, "bad pointer: EFAULT");
	c_close(&c);
}

/* ---- BEGIN, ticks, END; EPINFO ---- */

static int clause_recs(struct consumer *c, struct recs *r, int clause)
{
	int i, n = 0;

	for (i = 0; i < r->n; i++)
		if (c_clause_of(c, r->r[i].epid) == clause)
			n++;
	return n;
}

static void test_begin_end(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct dtrace_ioc_epinfo ei;
	struct recs r;
	struct rec *first = NULL, *last = NULL;
	int i, nticks, bad_vals = 0;
	__u64 t0, elapsed_ms;

	must(c_open(&c), "open");
	en_init(&e);
	en_trace(en_clause(&e, "dtrace:::BEGIN"), dconst(42));
	en_trace(en_clause(&e, "profile:::tick-10ms"),
		 dif_new("ldgs timestamp, %r1; ret %r1"));
	en_trace(en_clause(&e, "dtrace:::END"), dconst(7));
	must(c_enable(&c, &e), "enable");
	check(c.en.nepids == 3 && c.en.nmatched[1] == 1,
	      "3 EPIDs, tick-10ms created and matched");
	must(c_epinfo(&c, 2, &ei), "epinfo");
	check(ei.clause == 1 && !strcmp(ei.probe.provider, "profile") &&
	      !strcmp(ei.probe.name, "tick-10ms") && ei.probe.id,
	      "EPINFO 2 -> clause 1, profile:::tick-10ms");
	t0 = now_ns();
	must(c_go(&c, &st), "go");
	check(st.activity == DTRACE_ACTIVITY_ACTIVE &&
	      st.begin_cpu < (unsigned)c.ncpus,
	      "GO: ACTIVE, begin_cpu %u", st.begin_cpu);
	msleep(400);
	must(c_stop(&c, &st), "stop");
	elapsed_ms = (now_ns() - t0) / 1000000;
	check(st.activity == DTRACE_ACTIVITY_STOPPED, "STOP: STOPPED");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	check(r.bad == 0, "records well formed");
	for (i = 0; i < r.n; i++) {
		if (!first || r.r[i].timestamp < first->timestamp)
			first = &r.r[i];
		if (!last || r.r[i].timestamp > last->timestamp)
			last = &r.r[i];
		if (c_clause_of(&c, r.r[i].epid) == 1 &&
		    rec_u64(&r.r[i], 0) != r.r[i].timestamp)
			bad_vals++;
	}
	check(first && c_clause_of(&c, first->epid) == 0 &&
	      rec_u64(first, 0) == 42 && first->cpu == (int)st.begin_cpu,
	      "first record is BEGIN's trace(42), on begin_cpu");
	check(last && c_clause_of(&c, last->epid) == 2 && rec_u64(last, 0) == 7,
	      "last record is END's trace(7)");
	nticks = clause_recs(&c, &r, 1);
	check(nticks >= 3 && nticks <= (int)(elapsed_ms / 10) + 3,
	      "tick-10ms fired %d times in %llu ms", nticks,
	      (unsigned long long)elapsed_ms);
	check(bad_vals == 0, "trace(timestamp) equals the record timestamp");
	check(clause_recs(&c, &r, 0) == 1 && clause_recs(&c, &r, 2) == 1,
	      "BEGIN and END fired once each for this consumer");
	recs_free(&r);
	c_close(&c);
}

/* ---- exit() ---- */

static void test_exit(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct en_clause *cl;
	struct en_action *a;
	struct recs r;

	must(c_open(&c), "open");
	en_init(&e);
	cl = en_clause(&e, "dtrace:::BEGIN");
	a = en_action(cl, DTRACEACT_EXIT, 8, 0);
	en_difo(a, dconst(3));
	en_trace(en_clause(&e, "profile:::tick-10ms"), dconst(1));
	en_trace(en_clause(&e, "dtrace:::END"), dconst(5));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, &st), "go");
	check(st.exiting == 1 && st.exit_status == 3 &&
	      st.activity == DTRACE_ACTIVITY_DRAINING,
	      "exit(3) in BEGIN: exiting, status 3, DRAINING (act %u)",
	      st.activity);
	msleep(150);
	must(c_stop(&c, &st), "stop");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	check(clause_recs(&c, &r, 0) == 1 && clause_recs(&c, &r, 1) == 0 &&
	      clause_recs(&c, &r, 2) == 1,
	      "after exit(): no tick records, END still fires");
	recs_free(&r);
	c_close(&c);
}

/* ---- faults and dtrace:::ERROR ---- */

static void test_error(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct en_clause *cl;
	struct recs r;
	int i, nerr = 0, nerrclause = 0, ok_rec = 0, ok_args = 0;

	must(c_open(&c), "open");
	en_init(&e);
	en_trace(en_clause(&e, "dtrace:::BEGIN"),
		 dif_new("setx 0, %r1; ldx [%r1], %r2; ret %r2"));
	cl = en_clause(&e, "dtrace:::ERROR");
	en_trace(cl, dif_new("ldgs arg1, %r1; ret %r1"));
	en_trace(cl, dif_new("ldgs arg4, %r1; ret %r1"));
	en_trace(cl, dif_new("ldgs arg2, %r1; ret %r1"));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	must(c_stop(&c, &st), "stop");
	check(st.errors == 1, "one error counted (%llu)",
	      (unsigned long long)st.errors);
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++) {
		if (r.r[i].epid == DTRACE_EPID_ERROR) {
			struct dtrace_errrec er;

			nerr++;
			memcpy(&er, r.r[i].data, sizeof(er));
			ok_rec = er.epid == 1 && er.action == 1 &&
				 er.fault == DTRACEFLT_BADADDR &&
				 er.difoff == 1 && er.addr == 0;
			if (!ok_rec)
				printf("# errrec epid %u action %u difoff %u fault %u addr %llx\n",
				       er.epid, er.action, er.difoff, er.fault,
				       (unsigned long long)er.addr);
		} else if (c_clause_of(&c, r.r[i].epid) == 1) {
			nerrclause++;
			ok_args = rec_u64(&r.r[i], 0) == 1 &&
				  rec_u64(&r.r[i], 8) == DTRACEFLT_BADADDR &&
				  rec_u64(&r.r[i], 16) == 1;
		} else if (c_clause_of(&c, r.r[i].epid) == 0) {
			ok_rec = 0;
			printf("# the faulting clause left a record\n");
		}
	}
	check(nerr == 1 && ok_rec, "error record: epid 1, action 1, DIF offset 1, BADADDR");
	check(nerrclause == 1 && ok_args,
	      "dtrace:::ERROR fired with arg1=epid, arg2=action, arg4=fault");
	recs_free(&r);
	c_close(&c);
}

/* ---- speculations ---- */

static void test_speculation(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct en_clause *cl;
	struct en_action *a;
	struct recs r;
	int i, n42 = 0, n43 = 0, n44 = 0, k;

	must(c_open(&c), "open");
	en_init(&e);
	e.h.nspec = 2;
	for (k = 0; k < 3; k++) {	/* ids 1, 2, then none left */
		cl = en_clause(&e, "dtrace:::BEGIN");
		a = en_action(cl, DTRACEACT_SPECULATE, 0, 0);
		en_difo(a, dif_new("call speculation, %r1; ret %r1"));
		en_trace(cl, dconst(42 + k));
	}
	cl = en_clause(&e, "dtrace:::END");
	a = en_action(cl, DTRACEACT_COMMIT, 0, 0);
	en_difo(a, dconst(1));
	cl = en_clause(&e, "dtrace:::END");
	a = en_action(cl, DTRACEACT_DISCARD, 0, 0);
	en_difo(a, dconst(2));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	must(c_status(&c, &st), "status");
	check(st.specdrops_unavail == 1, "third speculation(): unavailable (%llu)",
	      (unsigned long long)st.specdrops_unavail);
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	check(r.n == 0, "nothing in the principal buffer before commit (%d)", r.n);
	recs_free(&r);
	must(c_stop(&c, &st), "stop");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++) {
		n42 += rec_u64(&r.r[i], 0) == 42;
		n43 += rec_u64(&r.r[i], 0) == 43;
		n44 += rec_u64(&r.r[i], 0) == 44;
	}
	check(n42 == 1, "committed speculation 1 reached the buffer");
	check(n43 == 0, "discarded speculation 2 did not");
	check(n44 == 0, "speculate(0) recorded nothing");
	recs_free(&r);
	c_close(&c);
}

/* ---- buffer policies ---- */

static void snap_cpu(struct consumer *c, int cpu, struct dtrace_ioc_buf *b,
		     char *mem, __u64 room)
{
	memset(b, 0, sizeof(*b));
	b->size = sizeof(*b);
	b->version = DTRACE_ABI_VERSION;
	b->cpu = cpu;
	b->data = (__u64)(unsigned long)mem;
	b->datalen = room;
}

/* n clauses on dtrace:::BEGIN, clause k records trace(k): a burst of n
 * 24-byte records on one CPU, independent of timing. */
static void begin_burst(struct enabling *e, int n)
{
	int k;

	for (k = 0; k < n; k++)
		en_trace(en_clause(e, "dtrace:::BEGIN"), dconst(k));
}

static void test_ring(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_buf b;
	struct dtrace_ioc_status st;
	char mem[4096];
	__u64 off, prev = 0;
	int n = 0, ordered = 1, newest = 1;

	must(c_open(&c), "open");
	en_init(&e);
	e.h.bufsize = 240;	/* 10 records */
	e.h.bufpolicy = DTRACE_BUFPOLICY_RING;
	begin_burst(&e, 25);
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, &st), "go");
	must(c_stop(&c, NULL), "stop");
	snap_cpu(&c, st.begin_cpu, &b, mem, sizeof(mem));
	must(ioctl(c.fd, DTRACEIOC_BUFSNAP, &b) ? -errno : 0, "bufsnap");
	for (off = 0; off + 24 <= b.datalen; off += 24, n++) {
		struct dtrace_rechdr h;
		__u64 v;

		memcpy(&h, mem + off, sizeof(h));
		memcpy(&v, mem + off + 16, 8);
		if (h.size != 24 || (n && h.timestamp < prev))
			ordered = 0;
		if (v != (__u64)(15 + n))
			newest = 0;
		prev = h.timestamp;
	}
	check(b.flags & DTRACE_BUF_WRAPPED, "ring: 25 records in 10 slots wrapped");
	check(n == 10 && ordered && newest && b.datalen == 240,
	      "ring keeps the newest 10 whole records (15..24), oldest first (%d)",
	      n);
	check(b.drops == 0, "ring: overwriting is not dropping (%llu)",
	      (unsigned long long)b.drops);

	/* And under a timer: every snapshot is whole records, in order. */
	c_close(&c);
	must(c_open(&c), "open");
	en_init(&e);
	e.h.bufsize = 240;
	e.h.bufpolicy = DTRACE_BUFPOLICY_RING;
	en_trace(en_clause(&e, "profile:::profile-499"),
		 dif_new("ldgs timestamp, %r1; ret %r1"));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, &st), "go");
	msleep(300);
	must(c_stop(&c, &st), "stop");
	{
		struct recs r;
		int i;

		memset(&r, 0, sizeof(r));
		must(c_bufsnap(&c, &r), "bufsnap");
		ordered = !r.bad;
		for (i = 1; i < r.n; i++)
			if (r.r[i].cpu == r.r[i - 1].cpu &&
			    r.r[i].timestamp <= r.r[i - 1].timestamp)
				ordered = 0;
		check(ordered && r.n > 0, "ring under profile-499: whole, in order (%d)",
		      r.n);
		recs_free(&r);
	}
	c_close(&c);
}

static void test_fill(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct dtrace_ioc_buf b;
	struct recs r;
	char mem[4096];
	int i, ok = 1;

	must(c_open(&c), "open");
	en_init(&e);
	e.h.bufsize = 128;	/* 4 records and the space kept for END */
	e.h.bufpolicy = DTRACE_BUFPOLICY_FILL;
	begin_burst(&e, 10);
	en_trace(en_clause(&e, "dtrace:::END"), dconst(99));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, &st), "go");
	check(st.activity == DTRACE_ACTIVITY_DRAINING && !st.exiting,
	      "a full fill buffer stops tracing (DRAINING, activity %u)",
	      st.activity);
	snap_cpu(&c, st.begin_cpu, &b, mem, sizeof(mem));
	must(ioctl(c.fd, DTRACEIOC_BUFSNAP, &b) ? -errno : 0, "bufsnap");
	for (i = 0; i < 4 && (__u64)(i + 1) * 24 <= b.datalen; i++)
		ok &= *(__u64 *)(mem + 24 * i + 16) == (__u64)i;
	check((b.flags & DTRACE_BUF_FULL) && b.drops == 1 && b.datalen == 96 &&
	      ok, "fill: records 0..3 kept, FULL, 1 drop (then tracing stopped)");
	must(c_stop(&c, &st), "stop");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	check(r.n == 1 && rec_u64(&r.r[0], 0) == 99,
	      "END recorded in the space kept for it, after the first snapshot");
	recs_free(&r);
	c_close(&c);
}

static void test_switch_paging(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct dtrace_ioc_buf b;
	char mem[8192];
	int calls = 0, more = 0, bad = 0, n = 0, order = 1;
	__u64 drops = 0;

	must(c_open(&c), "open");
	en_init(&e);
	e.h.bufsize = 128;	/* 5 records of 24 bytes */
	begin_burst(&e, 12);
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, &st), "go");
	snap_cpu(&c, st.begin_cpu, &b, mem, 8);
	check(ioctl(c.fd, DTRACEIOC_BUFSNAP, &b) < 0 && errno == ENOSPC &&
	      b.datalen == 24,
	      "BUFSNAP with room for less than a record: ENOSPC, datalen = 24");
	drops += b.drops;
	do {
		__u64 off;

		snap_cpu(&c, st.begin_cpu, &b, mem, 50);
		if (ioctl(c.fd, DTRACEIOC_BUFSNAP, &b) < 0) {
			bad++;
			break;
		}
		calls++;
		drops += b.drops;
		if (b.datalen > 50 || b.datalen % 24)
			bad++;
		for (off = 0; off < b.datalen; off += 24, n++)
			order &= *(__u64 *)(mem + off + 16) == (__u64)n;
		more += !!(b.flags & DTRACE_BUF_MORE);
	} while ((b.flags & DTRACE_BUF_MORE) && calls < 100);
	check(!bad && order && n == 5 && calls == 3 && more == 2,
	      "paging 2 records at a time: 0..4 in 3 calls with DTRACE_BUF_MORE (%d, %d)",
	      n, calls);
	check(drops == 7, "switch buffer of 5 records: 7 of 12 dropped (%llu)",
	      (unsigned long long)drops);
	snap_cpu(&c, st.begin_cpu, &b, mem, sizeof(mem));
	check(ioctl(c.fd, DTRACEIOC_BUFSNAP, &b) == 0 && b.datalen == 0 &&
	      b.drops == 0, "next snapshot: empty, no drops");
	must(c_stop(&c, &st), "stop");
	c_close(&c);
}

/* ---- several consumers ---- */

static void test_two_consumers(void)
{
	struct consumer a, b, z;
	struct enabling e;
	struct recs ra, rb;
	int i, okay = 1;

	must(c_open(&a), "open");
	must(c_open(&b), "open");
	en_init(&e);
	en_trace(en_clause(&e, "dtrace:::BEGIN"), dconst(100));
	en_trace(en_clause(&e, "profile:::tick-10ms"), dconst(101));
	must(c_enable(&a, &e), "enable a");
	en_init(&e);
	en_trace(en_clause(&e, "dtrace:::BEGIN"), dconst(200));
	en_trace(en_clause(&e, "profile:::tick-10ms"), dconst(201));
	must(c_enable(&b, &e), "enable b");
	must(c_go(&a, NULL), "go a");
	must(c_go(&b, NULL), "go b");
	/* A third consumer, closed while its probes fire. */
	must(c_open(&z), "open");
	en_init(&e);
	en_trace(en_clause(&e, "profile:::profile-499"), dconst(1));
	must(c_enable(&z, &e), "enable z");
	must(c_go(&z, NULL), "go z");
	msleep(200);
	c_close(&z);
	must(c_stop(&a, NULL), "stop a");
	must(c_stop(&b, NULL), "stop b");
	memset(&ra, 0, sizeof(ra));
	memset(&rb, 0, sizeof(rb));
	must(c_bufsnap(&a, &ra), "snap a");
	must(c_bufsnap(&b, &rb), "snap b");
	for (i = 0; i < ra.n; i++)
		okay &= rec_u64(&ra.r[i], 0) / 100 == 1;
	for (i = 0; i < rb.n; i++)
		okay &= rec_u64(&rb.r[i], 0) / 100 == 2;
	check(okay && clause_recs(&a, &ra, 0) == 1 && clause_recs(&b, &rb, 0) == 1 &&
	      clause_recs(&a, &ra, 1) > 0 && clause_recs(&b, &rb, 1) > 0,
	      "two consumers see only their own BEGIN and records");
	recs_free(&ra);
	recs_free(&rb);
	c_close(&a);
	c_close(&b);
}

/* ---- more actions ---- */

/* Is pc inside dtrace.ko (per /proc/modules; false if addresses hidden)? */
static int in_module(__u64 pc)
{
	FILE *f = fopen("/proc/modules", "r");
	char line[512];
	int in = 0;

	while (f && fgets(line, sizeof(line), f)) {
		char name[64];
		unsigned long long size, base;

		if (sscanf(line, "%63s %llu %*s %*s %*s %llx", name, &size,
			   &base) == 3 && !strcmp(name, "dtrace") && base) {
			in = pc >= base && pc < base + size;
			printf("# dtrace.ko at %llx+%llu, pc %llx\n", base,
			       size, (unsigned long long)pc);
		}
	}
	if (f)
		fclose(f);
	return in;
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = 1;
}

static void test_actions(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct en_clause *cl;
	struct en_action *a;
	struct dif *d;
	struct recs r;
	struct aggs ag;
	int i, npred0 = 0, npred1 = 0, nagg = 0, ok_str = 0, ok_mem = 0;
	int ok_stack = 0, ok_ustack = 0, ok_count = 0, ok_sum = 0;
	__u64 t0, t1;

	signal(SIGUSR1, on_usr1);
	must(c_open(&c), "open");
	en_init(&e);
	e.h.flags = DTRACE_ENABLE_DESTRUCTIVE;
	/* 0: predicate false */
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_pred(cl, dconst(0));
	en_trace(cl, dconst(1));
	/* 1: predicate true */
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_pred(cl, dif_new("ldgs timestamp, %r1; ret %r1"));
	en_trace(cl, dconst(2));
	/* 2: trace(execname), tracemem(strtab string, 16) */
	cl = en_clause(&e, "dtrace:::BEGIN");
	d = dif_new("ldgs execname, %r1; ret %r1");
	dif_rtype_string(d, 256);
	en_trace(cl, d);
	a = en_action(cl, DTRACEACT_TRACEMEM, 16, 16);
	en_difo(a, dif_new("sets \"hello, dtrace world!\", %r1; ret %r1"));
	/* 3: stack(4), ustack(4) */
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_action(cl, DTRACEACT_STACK, 8 + 32, 4);
	en_action(cl, DTRACEACT_USTACK, 16 + 32, 4);
	/* 4: @1 = count(); @2[7] = sum(5): no record */
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_aggregate(&e, cl, 1, DTRACEAGG_COUNT, 0, NULL, 0, NULL);
	{
		struct dif *k[1] = { dconst(7) };

		en_aggregate(&e, cl, 2, DTRACEAGG_SUM, 0, k, 1, dconst(5));
	}
	/* 5: raise(SIGUSR1), chill(20 ms) */
	cl = en_clause(&e, "dtrace:::BEGIN");
	a = en_action(cl, DTRACEACT_RAISE, 0, 0);
	en_difo(a, dconst(SIGUSR1));
	a = en_action(cl, DTRACEACT_CHILL, 0, 0);
	en_difo(a, dconst(20000000));
	/* 6: chill(2 s): over the limit, an illegal operation */
	cl = en_clause(&e, "dtrace:::BEGIN");
	a = en_action(cl, DTRACEACT_CHILL, 0, 0);
	en_difo(a, dconst(2000000000LL));
	must(c_enable(&c, &e), "enable");
	t0 = now_ns();
	must(c_go(&c, NULL), "go");
	t1 = now_ns();
	msleep(50);
	check(got_usr1, "raise(SIGUSR1) in BEGIN reached the consumer");
	check(t1 - t0 >= 20000000ULL, "chill(20 ms) delayed BEGIN (%llu ns)",
	      (unsigned long long)(t1 - t0));
	must(c_stop(&c, &st), "stop");
	check(st.errors == 1, "chill(2 s) faulted (errors %llu)",
	      (unsigned long long)st.errors);
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++) {
		struct rec *x = &r.r[i];
		int cls = c_clause_of(&c, x->epid);

		npred0 += cls == 0;
		npred1 += cls == 1 && rec_u64(x, 0) == 2;
		nagg += cls == 4;
		if (cls == 2) {
			ok_str = !strncmp((const char *)x->data, "smoke", 256);
			ok_mem = !memcmp(x->data + 256, "hello, dtrace wo", 16);
		}
		if (cls == 3) {
			__u64 depth = rec_u64(x, 0), pc0 = rec_u64(x, 8);
			__u64 pid = rec_u64(x, 40), udepth = rec_u64(x, 48);
			__u64 upc0 = rec_u64(x, 56);

			ok_stack = depth >= 1 && depth <= 4 &&
				   pc0 >= 0xffff800000000000ULL &&
				   !in_module(pc0);
			ok_ustack = pid == (__u64)getpid() && udepth >= 1 &&
				    udepth <= 4 && upc0 && upc0 < 0x800000000000ULL;
			if (!ok_stack || !ok_ustack)
				printf("# stack depth %llu pc0 %llx; ustack pid %llu depth %llu pc0 %llx\n",
				       (unsigned long long)depth,
				       (unsigned long long)pc0,
				       (unsigned long long)pid,
				       (unsigned long long)udepth,
				       (unsigned long long)upc0);
		}
	}
	check(npred0 == 0 && npred1 == 1, "predicates: false skips, true records");
	check(ok_str, "trace(execname) recorded \"smoke\"");
	check(ok_mem, "tracemem() copied 16 bytes");
	check(ok_stack, "stack(4): kernel PCs, the first outside dtrace.ko");
	check(ok_ustack, "ustack(4): pid and user PCs");
	check(nagg == 0, "an aggregation-only (NOREC) clause writes no record");
	memset(&ag, 0, sizeof(ag));
	must(c_aggsnap(&c, &ag), "aggsnap");
	for (i = 0; i < ag.n; i++) {
		if (ag.a[i].aggid == 1 && ag.a[i].val[0] == 1)
			ok_count++;
		if (ag.a[i].aggid == 2 && ag.a[i].keysize == 8 &&
		    *(const __u64 *)ag.a[i].key == 7 && ag.a[i].val[0] == 5)
			ok_sum++;
	}
	check(ok_count == 1 && ok_sum == 1, "count() = 1 and sum(5)[7] = 5");
	aggs_free(&ag);
	recs_free(&r);
	c_close(&c);
}

/* A fault in an ERROR clause is counted but fires nothing more. */
static void test_double_fault(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct recs r;
	int i, nerr = 0;

	must(c_open(&c), "open");
	en_init(&e);
	en_trace(en_clause(&e, "dtrace:::BEGIN"),
		 dif_new("setx 8, %r1; ldx [%r1], %r2; ret %r2"));
	en_trace(en_clause(&e, "dtrace:::ERROR"),
		 dif_new("setx 16, %r1; ldx [%r1], %r2; ret %r2"));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	must(c_stop(&c, &st), "stop");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++)
		nerr += r.r[i].epid == DTRACE_EPID_ERROR;
	check(st.errors == 2 && nerr == 1 && r.n == 1,
	      "fault in ERROR clause: 2 errors, 1 error record (%llu, %d, %d)",
	      (unsigned long long)st.errors, nerr, r.n);
	recs_free(&r);
	c_close(&c);
}

/* profile-N: arg0 = kernel PC or arg1 = user PC, never both. */
static void test_profile_args(void)
{
	struct consumer c;
	struct enabling e;
	struct en_clause *cl;
	struct recs r;
	int i, n = 0, ok = 1, okstack = 1, cpus[64] = { 0 }, ncpu = 0;

	must(c_open(&c), "open");
	en_init(&e);
	cl = en_clause(&e, "profile:::profile-97");
	en_trace(cl, dif_new("ldgs arg0, %r1; ret %r1"));
	en_trace(cl, dif_new("ldgs arg1, %r1; ret %r1"));
	en_action(cl, DTRACEACT_STACK, 8 + 24, 3);
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	for (i = 0; i < 20000000; i++)	/* some user time */
		__asm__ volatile("" ::: "memory");
	msleep(300);
	must(c_stop(&c, NULL), "stop");
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++) {
		__u64 a0 = rec_u64(&r.r[i], 0), a1 = rec_u64(&r.r[i], 8);

		n++;
		__u64 depth = rec_u64(&r.r[i], 16), pc0 = rec_u64(&r.r[i], 24);

		if (!!a0 == !!a1 || (a0 && a0 < 0xffff800000000000ULL) ||
		    a1 >= 0x800000000000ULL)
			ok = 0;
		if (a0 ? depth < 1 || depth > 3 || pc0 != a0 : depth != 0) {
			if (okstack)
				printf("# arg0 %llx depth %llu pc0 %llx\n",
				       (unsigned long long)a0,
				       (unsigned long long)depth,
				       (unsigned long long)pc0);
			okstack = 0;
		}
		if (r.r[i].cpu < 64 && !cpus[r.r[i].cpu]++)
			ncpu++;
	}
	check(n > 0 && ok, "profile-97: %d firings, arg0 kernel PC xor arg1 user PC", n);
	check(n > 0 && okstack,
	      "profile stack() starts at the interrupted PC (arg0), empty for user PCs");
	check(ncpu == cpus_online() || ncpu >= 2,
	      "profile-97 fired on %d of %d online CPUs", ncpu, cpus_online());
	recs_free(&r);
	c_close(&c);
}

/* Snapshots while profile-4999 fires on every CPU: records stay whole and
 * in time order per CPU across snapshots. */
static void test_stress_snap(void)
{
	struct consumer c;
	struct enabling e;
	__u64 last[64] = { 0 };
	int round, i, bad = 0, total = 0, order = 0;
	struct recs r;

	must(c_open(&c), "open");
	en_init(&e);
	e.h.bufsize = 64 * 1024;
	en_trace(en_clause(&e, "profile:::profile-4999"),
		 dif_new("ldgs timestamp, %r1; ret %r1"));
	en_trace(en_clause(&e, "profile:::tick-1000"), dconst(5));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	for (round = 0; round < 20; round++) {
		msleep(25);
		memset(&r, 0, sizeof(r));
		if (c_bufsnap(&c, &r))
			bad++;
		bad += r.bad;
		for (i = 0; i < r.n; i++) {
			int cpu = r.r[i].cpu;

			if (cpu < 64) {
				if (r.r[i].timestamp < last[cpu])
					order++;
				last[cpu] = r.r[i].timestamp;
			}
			total++;
		}
		recs_free(&r);
	}
	must(c_stop(&c, NULL), "stop");
	check(!bad && !order && total > 50,
	      "20 snapshots under profile-4999: %d records, whole, in order (%d bad, %d out of order)",
	      total, bad, order);
	c_close(&c);
}

/* Consumers created, started and closed while others' probes fire. */
static void test_churn(void)
{
	struct consumer bg, c;
	struct enabling e;
	struct dtrace_ioc_status st;
	int i, ok = 1;

	must(c_open(&bg), "open");
	en_init(&e);
	en_trace(en_clause(&e, "profile:::profile-997"), dconst(1));
	must(c_enable(&bg, &e), "enable");
	must(c_go(&bg, NULL), "go");
	for (i = 0; i < 30; i++) {
		must(c_open(&c), "open");
		en_init(&e);
		en_trace(en_clause(&e, "profile:::profile-997"), dconst(2));
		en_trace(en_clause(&e, "profile:::tick-1000"), dconst(3));
		en_trace(en_clause(&e, "dtrace:::END"), dconst(4));
		if (c_enable(&c, &e))
			ok = 0;
		if (i % 3 != 0 && c_go(&c, NULL))
			ok = 0;
		msleep(5);
		if (i % 3 == 2 && c_stop(&c, NULL))
			ok = 0;
		c_close(&c);
	}
	must(c_stop(&bg, &st), "stop");
	check(ok && st.errors == 0, "30 consumers opened, started and closed under load");
	c_close(&bg);
}

/* Random corruption of a valid enabling never crashes the kernel. */
static void test_fuzz_enable(void)
{
	struct enabling e;
	struct en_clause *cl;
	struct en_action *a;
	struct consumer c;
	unsigned char *blob, *mut;
	size_t len;
	unsigned int rnd = 4242;
	int i, k, ok = 0, einval = 0, other = 0;

	en_init(&e);
	e.h.nspec = 2;
	e.h.bufsize = 16384;
	e.h.aggsize = 16384;	/* small: every iteration allocates them */
	e.h.dynvarsize = 16384;
	cl = en_clause(&e, "dtrace:::BEGIN");
	en_pred(cl, dif_new("ldgs timestamp, %r1; ret %r1"));
	en_trace(cl, dconst(1));
	a = en_action(cl, DTRACEACT_STACK, 8 + 16, 2);
	cl = en_clause(&e, "profile:::tick-1sec");
	a = en_action(cl, DTRACEACT_SPECULATE, 0, 0);
	en_difo(a, dif_new("call speculation, %r1; ret %r1"));
	en_trace(cl, dif_new("ldgs arg0, %r1; ret %r1"));
	cl = en_clause(&e, "dtrace:::END");
	{
		struct dif *k1[1] = { dconst(3) };

		en_aggregate(&e, cl, 1, DTRACEAGG_QUANTIZE, 0, k1, 1, dconst(9));
	}
	blob = en_blob(&e, &len);
	mut = malloc(len);
	for (i = 0; i < 1000; i++) {
		int r, nflip;

		memcpy(mut, blob, len);
		rnd = rnd * 1103515245 + 12345;
		nflip = 1 + (rnd >> 16) % 4;
		for (k = 0; k < nflip; k++) {
			size_t pos;

			rnd = rnd * 1103515245 + 12345;
			pos = (rnd >> 8) % len;
			rnd = rnd * 1103515245 + 12345;
			if ((rnd >> 20) & 1)
				mut[pos] ^= 1u << ((rnd >> 16) & 7);
			else
				mut[pos] = rnd >> 24;
		}
		must(c_open(&c), "open");
		r = c_enable_blob(&c, mut, len);
		if (r == 0) {
			ok++;
			if (i % 10 == 0 && !c_go(&c, NULL))
				c_stop(&c, NULL);
		} else if (r == -EINVAL) {
			einval++;
		} else if (r != -ENOMEM && r != -E2BIG) {
			other++;
			printf("# iteration %d: %s\n", i, strerror(-r));
		}
		c_close(&c);
	}
	check(other == 0 && einval > 0,
	      "1000 corrupted enablings: %d accepted, %d EINVAL, %d other", ok,
	      einval, other);
	free(mut);
	free(blob);
}

#define RUN(t) do { __u64 t0_ = now_ns(); t(); \
	printf("# %s: %.1f s\n", #t, (now_ns() - t0_) / 1e9); } while (0)

static int set_online(int cpu, int on)
{
	char path[64];
	int fd, r;

	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", cpu);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	r = write(fd, on ? "1" : "0", 1) == 1 ? 0 : -errno;
	close(fd);
	return r;
}

/* CPU 1 goes offline and comes back while profile-N and tick-N run. */
static void test_hotplug(void)
{
	struct consumer c;
	struct enabling e;
	struct dtrace_ioc_status st;
	struct recs r;
	int i, before = 0, during = 0, r1;

	if (cpus_online() < 2 || set_online(1, 1) < 0) {
		printf("# no CPU hotplug here: skipped\n");
		return;
	}
	must(c_open(&c), "open");
	en_init(&e);
	en_trace(en_clause(&e, "profile:::profile-997"), dconst(1));
	en_trace(en_clause(&e, "profile:::tick-100"), dconst(2));
	must(c_enable(&c, &e), "enable");
	must(c_go(&c, NULL), "go");
	msleep(100);
	memset(&r, 0, sizeof(r));
	must(c_bufsnap(&c, &r), "bufsnap");
	for (i = 0; i < r.n; i++)
		before += r.r[i].cpu == 1;
	recs_free(&r);
	r1 = set_online(1, 0);
	msleep(50);
	memset(&r, 0, sizeof(r));
	c_bufsnap(&c, &r);		/* CPU 1's buffer, taken offline */
	recs_free(&r);
	msleep(150);
	memset(&r, 0, sizeof(r));
	c_bufsnap(&c, &r);
	for (i = 0; i < r.n; i++)
		during += r.r[i].cpu == 1;
	recs_free(&r);
	set_online(1, 1);
	msleep(100);
	must(c_stop(&c, &st), "stop");
	check(r1 == 0 && before > 0 && during == 0 && st.errors == 0,
	      "CPU 1 offline: its profile timer stops, no records from it (%d before, %d during)",
	      before, during);
	c_close(&c);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	RUN(test_listing);
	RUN(test_enable_errors);
	RUN(test_ioctl_validation);
	RUN(test_begin_end);
	RUN(test_exit);
	RUN(test_error);
	RUN(test_speculation);
	RUN(test_ring);
	RUN(test_fill);
	RUN(test_switch_paging);
	RUN(test_two_consumers);
	RUN(test_actions);
	RUN(test_double_fault);
	RUN(test_profile_args);
	RUN(test_stress_snap);
	RUN(test_hotplug);
	RUN(test_churn);
	RUN(test_fuzz_enable);
	printf("%d checks, %d failed\n", nchecks, nfail);
	return nfail ? 1 : 0;
}
