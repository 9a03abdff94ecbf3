// SPDX-License-Identifier: GPL-2.0
/*
 * consumer-test.c - host-side unit tests of the dtrace(1) consumer:
 * printf conversions, histograms, aggregation accumulation/sorting/
 * printing, options, probe descriptions and the record consumer fed with
 * synthetic buffers.
 *
 * Expected strings come from the C printf(3) rules and from DTrace's
 * documented output layouts (the Dynamic Tracing Guide): histogram rows are
 * "%16s " + "|" + 40-column bar + " " + "%-9lld", trace() integers are
 * " %16lld"/" %8d", strings "  %-33s", aggregation keys "  %-50s" and
 * values " %16lld".  Where a layout is mechanical the expectation is built
 * by a small independent reference renderer below, not taken from the code
 * under test.
 *
 * Prints one line per failure and ends with "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "dt_cmd.h"

static int npass, nfail;

static void check_str(const char *name, const char *got, const char *want)
{
	if (got && want && strcmp(got, want) == 0) {
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s\n  want: \"%s\"\n  got:  \"%s\"\n", name,
	       want ? want : "(null)", got ? got : "(null)");
}

static void check_int(const char *name, long long got, long long want)
{
	if (got == want) {
		npass++;
		return;
	}
	nfail++;
	printf("FAIL %s: want %lld, got %lld\n", name, want, got);
}

/* ---------------------------------------------------------------------
 * printf
 * --------------------------------------------------------------------- */
static struct dt_pfarg I(int size, int sgn, uint64_t v)
{
	struct dt_pfarg a;

	memset(&a, 0, sizeof(a));
	a.kind = DT_PF_INT;
	a.size = size;
	a.is_signed = sgn;
	a.ival = v;
	return a;
}

static struct dt_pfarg S(const char *s, size_t len)
{
	struct dt_pfarg a;

	memset(&a, 0, sizeof(a));
	a.kind = DT_PF_STR;
	a.data = s;
	a.len = len;
	return a;
}

static char *fmt(const char *f, const struct dt_pfarg *args, int n, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	char err[256];
	int r = dt_printf_format(m, f, args, n, NULL, 0, err, sizeof(err));

	fclose(m);
	if (rc)
		*rc = r;
	return buf;
}

static void tpf(const char *name, const char *f, const struct dt_pfarg *args,
		int n, const char *want)
{
	int rc;
	char *got = fmt(f, args, n, &rc);

	if (rc < 0) {
		nfail++;
		printf("FAIL %s: format failed\n", name);
	} else {
		check_str(name, got, want);
	}
	free(got);
}

static void test_printf(void)
{
	struct dt_pfarg a[4];
	char str16[16] = "hello";
	int rc;
	char *s;

	a[0] = I(4, 1, (uint64_t)-1);
	tpf("%d int -1", "%d", a, 1, "-1");
	tpf("%i int -1", "%i", a, 1, "-1");
	tpf("%u int -1 is 32-bit", "%u", a, 1, "4294967295");
	tpf("%x int -1 is 32-bit", "%x", a, 1, "ffffffff");
	a[0] = I(8, 1, (uint64_t)-1);
	tpf("%x int64 -1", "%x", a, 1, "ffffffffffffffff");
	a[0] = I(8, 0, UINT64_MAX);
	tpf("%d of unsigned prints unsigned", "%d", a, 1,
	    "18446744073709551615");
	a[0] = I(1, 1, 0xff);
	tpf("%d char -1", "%d", a, 1, "-1");
	tpf("%u char -1", "%u", a, 1, "255");
	a[0] = I(2, 1, 0xffff);
	tpf("%d short -1", "%d", a, 1, "-1");
	a[0] = I(8, 1, 255);
	tpf("%x", "%x", a, 1, "ff");
	tpf("%X", "%X", a, 1, "FF");
	tpf("%#x", "%#x", a, 1, "0xff");
	tpf("%o", "%o", a, 1, "377");
	tpf("%#o", "%#o", a, 1, "0377");
	tpf("%p has no 0x", "%p", a, 1, "ff");
	tpf("%#p", "%#p", a, 1, "0xff");
	a[0] = I(4, 1, 42);
	tpf("width", "[%5d]", a, 1, "[   42]");
	tpf("left", "[%-5d]", a, 1, "[42   ]");
	tpf("zero pad", "[%05d]", a, 1, "[00042]");
	tpf("plus", "[%+d]", a, 1, "[+42]");
	tpf("space", "[% d]", a, 1, "[ 42]");
	tpf("precision", "[%.4d]", a, 1, "[0042]");
	tpf("length modifiers accepted", "%ld %lld %hd %hhd", (struct
	    dt_pfarg[]){ a[0], a[0], a[0], a[0] }, 4, "42 42 42 42");
	a[0] = I(4, 1, 6);
	a[1] = I(4, 1, 7);
	tpf("dynamic width", "[%*d]", a, 2, "[     7]");
	tpf("dynamic left width", "[%-*d]", a, 2, "[7     ]");
	a[0] = I(4, 1, (uint64_t)-4);
	tpf("negative dynamic width is left", "[%*d]", a, 2, "[7   ]");
	a[0] = I(4, 1, 2);
	a[1] = S("abcdef", 7);
	tpf("dynamic precision", "[%.*s]", a, 2, "[ab]");
	a[0] = S("abcdef", 7);
	tpf("%s", "%s", a, 1, "abcdef");
	tpf("%.3s", "%.3s", a, 1, "abc");
	tpf("%10s", "[%10s]", a, 1, "[    abcdef]");
	tpf("%-10s", "[%-10s]", a, 1, "[abcdef    ]");
	a[0] = S(str16, sizeof(str16));
	tpf("%s NUL-padded", "<%s>", a, 1, "<hello>");
	a[0] = S("xyz", 3);
	tpf("%s char[3] unterminated", "<%s>", a, 1, "<xyz>");
	a[0] = S("a\nb\t\"c\\", 8);
	tpf("%S escapes", "%S", a, 1, "a\\nb\\t\\\"c\\\\");
	a[0] = I(4, 1, 'A');
	tpf("%c", "%c", a, 1, "A");
	tpf("%%", "100%% %d", (struct dt_pfarg[]){ I(4, 1, 5) }, 1, "100% 5");
	tpf("no conversions", "plain text\n", NULL, 0, "plain text\n");
	a[0] = I(8, 1, 1234567);
	tpf("grouping flag in C locale", "%'d", a, 1, "1234567");
	a[0] = I(8, 0, 0);
	tpf("%Y epoch (UTC)", "%Y", a, 1, "1970 Jan  1 00:00:00");
	a[0] = I(8, 0, (uint64_t)(365 + 31 + 9) * 86400 * 1000000000ULL +
		 3723ULL * 1000000000ULL);
	tpf("%Y 1971-02-10 01:02:03", "%Y", a, 1, "1971 Feb 10 01:02:03");
	tpf("%-25Y", "[%-22Y]", a, 1, "[1971 Feb 10 01:02:03  ]");

	s = fmt("%d %d", (struct dt_pfarg[]){ I(4, 1, 1) }, 1, &rc);
	check_int("missing argument fails", rc, -1);
	free(s);
	s = fmt("%z", (struct dt_pfarg[]){ I(4, 1, 1) }, 1, &rc);
	check_int("unknown conversion fails", rc, -1);
	free(s);
	s = fmt("%", NULL, 0, &rc);
	check_int("lone %% fails", rc, -1);
	free(s);
}

/* A function of this program for test_usym() to find by address. */
__attribute__((noinline)) int dt_test_usym_target(int x)
{
	return x * 3 + 1;
}

/*
 * %I and %P (DTrace's pfprint_inetaddr() and pfprint_port()): a host name
 * or the address text, a service name or the port number; the names are
 * whatever the C library resolves, so the expected text asks it too.
 */
static void test_inet_port(void)
{
	struct dt_pfarg a[2];
	struct servent *sv;
	char want[256];

	a[0] = S("not-an-address", 15);
	tpf("%I text", "[%I]", a, 1, "[not-an-address]");
	a[0] = S("bad::address::", 15);
	tpf("%I bad v6", "[%20I]", a, 1, "[      bad::address::]");
	a[0] = I(2, 0, 65001);
	sv = getservbyport(htons(65001), NULL);
	snprintf(want, sizeof(want), "[%s]", sv ? sv->s_name : "65001");
	tpf("%P number", "[%P]", a, 1, want);
	a[0] = I(2, 0, 22);
	sv = getservbyport(htons(22), NULL);
	snprintf(want, sizeof(want), "[%-6s]", sv ? sv->s_name : "22");
	tpf("%P service", "[%-6P]", a, 1, want);
}

static void test_usym(void)
{
	char buf[256], want[64];
	uint64_t pid = (uint64_t)getpid();
	uint64_t fn = (uint64_t)(uintptr_t)&dt_test_usym_target;
	void *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	dt_usym(pid, fn, buf, sizeof(buf));
	check_str("usym: a function's address", buf,
		  "consumer-test`dt_test_usym_target");
	dt_usym(pid, fn + 3, buf, sizeof(buf));
	check_str("usym: inside a function", buf,
		  "consumer-test`dt_test_usym_target+0x3");
	dt_usym(pid, (uint64_t)(uintptr_t)&getpid, buf, sizeof(buf));
	check_int("usym: a libc function: libc.so.6`...getpid",
		  !strncmp(buf, "libc.so.6`", 10) && strstr(buf, "getpid") &&
		  !strchr(buf, '+'), 1);
	dt_usym(pid, 0x10, buf, sizeof(buf));
	check_str("usym: unmapped address", buf, "0x10");
	if (anon != MAP_FAILED) {
		snprintf(want, sizeof(want), "0x%llx",
			 (unsigned long long)(uintptr_t)anon + 8);
		dt_usym(pid, (uint64_t)(uintptr_t)anon + 8, buf, sizeof(buf));
		check_str("usym: anonymous memory", buf, want);
		munmap(anon, 4096);
	}
	dt_usym(999999999, fn, buf, sizeof(buf));
	snprintf(want, sizeof(want), "0x%llx", (unsigned long long)fn);
	check_str("usym: no such process", buf, want);
}

static void test_ksyms(void)
{
	char path[] = "/tmp/dt-ksyms-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	struct dt_pfarg a[2];
	char buf[128];
	uint64_t stk[4];

	fprintf(fp, "ffffffff81000000 T _stext\n"
		"ffffffff81001000 T do_sys_open\n"
		"ffffffff81001200 t helper\n"
		"ffffffffc0000000 t ext4_foo\t[ext4]\n"
		"ffffffffc0000100 t ext4_bar\t[ext4]\n");
	fclose(fp);
	dt_ksyms_free();
	check_int("kallsyms load", dt_ksyms_load(path), 0);
	unlink(path);
	check_str("symbol+offset", dt_ksym_addr(0xffffffff81001010ULL, buf,
		  sizeof(buf), 1), "vmlinux`do_sys_open+0x10");
	check_str("exact symbol", dt_ksym_addr(0xffffffff81001000ULL, buf,
		  sizeof(buf), 1), "vmlinux`do_sys_open");
	check_str("module symbol", dt_ksym_addr(0xffffffffc0000104ULL, buf,
		  sizeof(buf), 1), "ext4`ext4_bar+0x4");
	check_str("below everything", dt_ksym_addr(0x1000, buf, sizeof(buf), 1),
		  "0x1000");
	a[0] = I(8, 0, 0xffffffff81001205ULL);
	tpf("%a", "%a", a, 1, "vmlinux`helper+0x5");
	tpf("%30a", "[%30a]", a, 1, "[            vmlinux`helper+0x5]");

	stk[0] = 2;
	stk[1] = 0xffffffff81001010ULL;
	stk[2] = 0xffffffffc0000000ULL;
	stk[3] = 0;
	memset(a, 0, sizeof(a));
	a[0].kind = DT_PF_STACK;
	a[0].data = (const char *)stk;
	a[0].len = sizeof(stk);
	tpf("%k", "%k", a, 1,
	    "\nvmlinux`do_sys_open+0x10\next4`ext4_foo\n");
	{
		char *got = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&got, &len);

		dt_print_stack(m, stk + 1, 3, 14, NULL);
		fclose(m);
		check_str("stack() layout", got, "\n"
			  "              vmlinux`do_sys_open+0x10\n"
			  "              ext4`ext4_foo\n");
		free(got);
	}
}

/* ---------------------------------------------------------------------
 * Histograms: reference rendering from the documented layout
 * --------------------------------------------------------------------- */
static void ref_row(char **p, const char *label, long long count,
		    long double total)
{
	int depth = total > 0 ? (int)((count < 0 ? -count : count) * 40 /
				      total + 0.5) : 0;
	int i;

	*p += sprintf(*p, "%16s |", label);
	for (i = 0; i < 40; i++)
		*(*p)++ = i < depth ? '@' : ' ';
	*p += sprintf(*p, " %-9lld\n", count);
}

static const char ref_hdr[] =
	"\n           value  ------------- Distribution ------------- count    \n";

static char *render(void (*f)(FILE *), void *unused)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	(void)unused;
	f(m);
	fclose(m);
	return buf;
}

static int64_t qdata[DTRACE_QUANTIZE_NBUCKETS];

static void q_print(FILE *m)
{
	dt_print_quantize(m, qdata, 1);
}

static int64_t ldata[16];
static uint64_t larg;

static void lq_print(FILE *m)
{
	dt_print_lquantize(m, ldata, larg, 1);
}

static void llq_print(FILE *m)
{
	dt_print_llquantize(m, ldata, larg, 1);
}

static void test_quantize(void)
{
	const int z = DTRACE_QUANTIZE_ZEROBUCKET;
	char want[4096], *p;
	char *got;

	check_int("quantize buckets", DTRACE_QUANTIZE_NBUCKETS, 127);
	/* Values 1, 2, 2, 4: buckets 1, 2, 4; one empty row each side. */
	memset(qdata, 0, sizeof(qdata));
	qdata[z + 1] = 1;
	qdata[z + 2] = 2;
	qdata[z + 3] = 1;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "0", 0, 4);
	ref_row(&p, "1", 1, 4);
	ref_row(&p, "2", 2, 4);
	ref_row(&p, "4", 1, 4);
	ref_row(&p, "8", 0, 4);
	*p = '\0';
	got = render(q_print, NULL);
	check_str("quantize 1,2,2,4", got, want);
	free(got);

	/* The header line itself, column by column. */
	check_int("header value column", (int)(strstr(ref_hdr, "value") -
		  ref_hdr), 1 + 11);

	/* No data: the rows around zero. */
	memset(qdata, 0, sizeof(qdata));
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "-1", 0, 0);
	ref_row(&p, "0", 0, 0);
	ref_row(&p, "1", 0, 0);
	*p = '\0';
	got = render(q_print, NULL);
	check_str("quantize empty", got, want);
	free(got);

	/* A large value: 1024 counted 3 times, only it. */
	memset(qdata, 0, sizeof(qdata));
	qdata[z + 11] = 3;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "512", 0, 3);
	ref_row(&p, "1024", 3, 3);
	ref_row(&p, "2048", 0, 3);
	*p = '\0';
	got = render(q_print, NULL);
	check_str("quantize single bucket full bar", got, want);
	free(got);

	/* lquantize(x, 0, 10, 5): buckets <0, 0, 5, >=10; 3 at 5. */
	memset(ldata, 0, sizeof(ldata));
	larg = DTRACE_LQUANTIZE_ARG(0, 5, 2);
	ldata[2] = 3;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "0", 0, 3);
	ref_row(&p, "5", 3, 3);
	ref_row(&p, ">= 10", 0, 3);
	*p = '\0';
	got = render(lq_print, NULL);
	check_str("lquantize top row", got, want);
	free(got);

	/* Underflow counted: "< base" row. */
	memset(ldata, 0, sizeof(ldata));
	larg = DTRACE_LQUANTIZE_ARG(-10, 10, 3);
	ldata[0] = 1;
	ldata[1] = 1;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "< -10", 1, 2);
	ref_row(&p, "-10", 1, 2);
	ref_row(&p, "0", 0, 2);
	*p = '\0';
	got = render(lq_print, NULL);
	check_str("lquantize underflow", got, want);
	free(got);

	/*
	 * llquantize(x, 10, 0, 1, 10): buckets < 1, 1..9 (width 1),
	 * 10..90 (width 10), >= 100: 1 + 9 + 9 + 1 = 20.
	 */
	larg = DTRACE_LLQUANTIZE_ARG(10, 0, 1, 10);
	check_int("llquantize buckets", DTRACE_LLQUANTIZE_NBUCKETS(larg), 20);
	memset(ldata, 0, sizeof(ldata));
	ldata[dtrace_llquantize_bucket(larg, 30)] = 2;	/* bucket "30" */
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "20", 0, 2);
	ref_row(&p, "30", 2, 2);
	ref_row(&p, "40", 0, 2);
	*p = '\0';
	got = render(llq_print, NULL);
	check_str("llquantize 30", got, want);
	free(got);
}

/* ---------------------------------------------------------------------
 * Aggregations
 * --------------------------------------------------------------------- */
static unsigned char snapbuf[8192];
static size_t snaplen;

static void snap_add(uint32_t aggid, const void *key, uint32_t keysize,
		     const int64_t *val, uint32_t nwords)
{
	struct dtrace_aggrec r;
	uint32_t kpad = (keysize + 7) & ~7u;

	r.aggid = aggid;
	r.keysize = keysize;
	r.valsize = nwords * 8;
	r.size = sizeof(r) + kpad + r.valsize;
	memcpy(snapbuf + snaplen, &r, sizeof(r));
	memset(snapbuf + snaplen + sizeof(r), 0, kpad);
	memcpy(snapbuf + snaplen + sizeof(r), key, keysize);
	memcpy(snapbuf + snaplen + sizeof(r) + kpad, val, r.valsize);
	snaplen += r.size;
}

#define STRSZ 16

static struct dt_vtype t_str = { DT_VK_STRING, 0, STRSZ, STRSZ, "string" };
static struct dt_vtype t_int = { DT_VK_INT, 1, 4, 8, "int" };
static struct dt_vtype t_u64 = { DT_VK_INT, 0, 8, 8, "uint64_t" };
static uint32_t off0[] = { 0 }, sz_str[] = { STRSZ }, sz_int[] = { 8 };

static void mkagg(struct dt_agg *a, uint32_t id, int func, int keykind)
{
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->func = func;
	a->name = (char *)"@";
	if (keykind == 1) {
		a->nkeys = 1;
		a->keytypes = &t_str;
		a->keyoffs = off0;
		a->keysizes = sz_str;
		a->keysize = STRSZ;
	} else if (keykind == 2) {
		a->nkeys = 1;
		a->keytypes = &t_int;
		a->keyoffs = off0;
		a->keysizes = sz_int;
		a->keysize = 8;
	}
	a->valsize = dt_agg_nwords(func, 0) * 8;
}

static void skey(char *k, const char *s)
{
	memset(k, 0, STRSZ);
	strcpy(k, s);
}

static char *agg_out(struct dt_aggset *as, uint32_t id)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	dt_agg_print(m, as, id);
	fclose(m);
	return buf;
}

static void test_aggs(void)
{
	struct dt_agg aggs[4];
	struct dt_prog prog;
	struct dt_aggset as;
	char k[STRSZ], want[1024];
	int64_t v[4];
	char *got;
	int64_t ik;

	memset(&prog, 0, sizeof(prog));
	mkagg(&aggs[0], 1, DTRACEAGG_COUNT, 1);
	mkagg(&aggs[1], 2, DTRACEAGG_AVG, 2);
	mkagg(&aggs[2], 3, DTRACEAGG_STDDEV, 0);
	mkagg(&aggs[3], 4, DTRACEAGG_MIN, 0);
	prog.naggs = 4;
	prog.aggs = aggs;
	check_int("aggset init", dt_aggset_init(&as, &prog), 0);

	/* Two CPUs' deltas for @[str] = count(). */
	snaplen = 0;
	skey(k, "foo");
	v[0] = 2;
	snap_add(1, k, STRSZ, v, 1);
	skey(k, "bar");
	v[0] = 1;
	snap_add(1, k, STRSZ, v, 1);
	check_int("merge 1", dt_aggset_merge(&as, snapbuf, snaplen), 0);
	snaplen = 0;
	skey(k, "foo");
	v[0] = 1;
	snap_add(1, k, STRSZ, v, 1);
	skey(k, "zap");
	v[0] = 5;
	snap_add(1, k, STRSZ, v, 1);
	check_int("merge 2", dt_aggset_merge(&as, snapbuf, snaplen), 0);
	check_int("entries", (long long)as.aggs[0].nents, 3);

	/* Sorted by value: bar 1, foo 3, zap 5. */
	snprintf(want, sizeof(want), "  %-50s %16lld\n  %-50s %16lld\n"
		 "  %-50s %16lld\n", "bar", 1LL, "foo", 3LL, "zap", 5LL);
	got = agg_out(&as, 1);
	check_str("count by value", got, want);
	free(got);

	dt_opt.aggsortrev = 1;
	snprintf(want, sizeof(want), "  %-50s %16lld\n  %-50s %16lld\n"
		 "  %-50s %16lld\n", "zap", 5LL, "foo", 3LL, "bar", 1LL);
	got = agg_out(&as, 1);
	check_str("aggsortrev", got, want);
	free(got);
	dt_opt.aggsortrev = 0;

	dt_opt.aggsortkey = 1;
	snprintf(want, sizeof(want), "  %-50s %16lld\n  %-50s %16lld\n"
		 "  %-50s %16lld\n", "bar", 1LL, "foo", 3LL, "zap", 5LL);
	got = agg_out(&as, 1);
	check_str("aggsortkey", got, want);
	free(got);
	dt_opt.aggsortkey = 0;

	/* printa with a format. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		uint32_t id = 1;

		dt_agg_printa(m, &as, "%-5s|%@4d\n", &id, 1);
		fclose(m);
		check_str("printa format", buf,
			  "bar  |   1\nfoo  |   3\nzap  |   5\n");
		free(buf);
	}
	check_int("printa marks printed", as.aggs[0].printed, 1);

	/* normalize(@, 2) then denormalize. */
	dt_agg_normalize(&as, 1, 2);
	snprintf(want, sizeof(want), "  %-50s %16lld\n  %-50s %16lld\n"
		 "  %-50s %16lld\n", "bar", 0LL, "foo", 1LL, "zap", 2LL);
	got = agg_out(&as, 1);
	check_str("normalize", got, want);
	free(got);
	dt_agg_normalize(&as, 1, 1);

	/* trunc(@, 1) keeps the largest; trunc(@, -1) the smallest. */
	dt_agg_trunc(&as, 1, 2);
	check_int("trunc 2 leaves 2", (long long)as.aggs[0].nents, 2);
	snprintf(want, sizeof(want), "  %-50s %16lld\n  %-50s %16lld\n",
		 "foo", 3LL, "zap", 5LL);
	got = agg_out(&as, 1);
	check_str("trunc keeps top", got, want);
	free(got);
	dt_agg_trunc(&as, 1, -1);
	snprintf(want, sizeof(want), "  %-50s %16lld\n", "foo", 3LL);
	got = agg_out(&as, 1);
	check_str("trunc negative keeps bottom", got, want);
	free(got);

	/* clear() zeroes values but keeps keys. */
	dt_agg_clear(&as, 1);
	snprintf(want, sizeof(want), "  %-50s %16lld\n", "foo", 0LL);
	got = agg_out(&as, 1);
	check_str("clear", got, want);
	free(got);
	/* A delta after clear() adds to zero. */
	snaplen = 0;
	skey(k, "foo");
	v[0] = 4;
	snap_add(1, k, STRSZ, v, 1);
	dt_aggset_merge(&as, snapbuf, snaplen);
	snprintf(want, sizeof(want), "  %-50s %16lld\n", "foo", 4LL);
	got = agg_out(&as, 1);
	check_str("count after clear", got, want);
	free(got);

	/* avg with int keys: avg = total / count, key " %8d". */
	snaplen = 0;
	ik = 7;
	v[0] = 2;
	v[1] = 7;
	snap_add(2, &ik, 8, v, 2);
	ik = (uint32_t)-3;
	v[0] = 1;
	v[1] = 100;
	snap_add(2, &ik, 8, v, 2);
	dt_aggset_merge(&as, snapbuf, snaplen);
	snprintf(want, sizeof(want), " %8d %16lld\n %8d %16lld\n", 7, 3LL,
		 -3, 100LL);
	got = agg_out(&as, 2);
	check_str("avg int keys", got, want);
	free(got);

	/* stddev of 2,4,4,4,5,5,7,9 is 2 (split over two snapshots). */
	snaplen = 0;
	v[0] = 4;
	v[1] = 2 + 4 + 4 + 4;
	v[2] = 4 + 16 + 16 + 16;
	v[3] = 0;
	snap_add(3, "", 0, v, 4);
	v[0] = 4;
	v[1] = 5 + 5 + 7 + 9;
	v[2] = 25 + 25 + 49 + 81;
	v[3] = 0;
	snap_add(3, "", 0, v, 4);
	check_int("merge stddev", dt_aggset_merge(&as, snapbuf, snaplen), 0);
	snprintf(want, sizeof(want), " %16llu\n", 2ULL);
	got = agg_out(&as, 3);
	check_str("stddev", got, want);
	free(got);

	/* min over two deltas. */
	snaplen = 0;
	v[0] = 10;
	snap_add(4, "", 0, v, 1);
	v[0] = -4;
	snap_add(4, "", 0, v, 1);
	v[0] = 3;
	snap_add(4, "", 0, v, 1);
	dt_aggset_merge(&as, snapbuf, snaplen);
	snprintf(want, sizeof(want), " %16lld\n", -4LL);
	got = agg_out(&as, 4);
	check_str("min", got, want);
	free(got);

	/* Malformed snapshots are refused. */
	snaplen = 0;
	v[0] = 1;
	snap_add(9, "", 0, v, 1);
	check_int("bad aggid refused", dt_aggset_merge(&as, snapbuf, snaplen),
		  -1);
	snaplen = 0;
	snap_add(1, k, STRSZ, v, 1);
	check_int("truncated record refused",
		  dt_aggset_merge(&as, snapbuf, snaplen - 8), -1);
	snaplen = 0;
	snap_add(1, k, STRSZ, v, 2);
	check_int("wrong value size refused",
		  dt_aggset_merge(&as, snapbuf, snaplen), -1);

	/* At exit: only the aggregations printa() did not print. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);

		dt_agg_print_all(m, &as);
		fclose(m);
		snprintf(want, sizeof(want),
			 " %8d %16lld\n %8d %16lld\n %16llu\n %16lld\n",
			 7, 3LL, -3, 100LL, 2ULL, -4LL);
		check_str("print all unprinted", buf, want);
		free(buf);
	}
	dt_aggset_fini(&as);
}

/* ---------------------------------------------------------------------
 * Raw bytes, both-signed histograms, joined printa
 * --------------------------------------------------------------------- */
/*
 * agghist, aggzoom and aggpack: the expected text is the output of
 * illumos DTrace's own tests tst.agghist.d and tst.aggpack.d
 * (cmd/dtrace/test/tst/common/aggs/, the .d.out files), same data.
 */
static const char hist_hdr[] =
	"\n              key  ------------- Distribution ------------- count    \n";

static void hist_agg(struct dt_aggset *as, struct dt_agg *a,
		     struct dt_prog *prog, const char *const *keys,
		     const int64_t *vals, int n)
{
	char k[STRSZ];
	int i;

	mkagg(a, 1, DTRACEAGG_SUM, 1);
	prog->naggs = 1;
	prog->aggs = a;
	dt_aggset_init(as, prog);
	snaplen = 0;
	for (i = 0; i < n; i++) {
		skey(k, keys[i]);
		snap_add(1, k, STRSZ, &vals[i], 1);
	}
	dt_aggset_merge(as, snapbuf, snaplen);
}

static void test_agghist(void)
{
	static const char *const k1[] = { "demerit", "wtf", "bot" };
	static const int64_t v1[] = { -10, 10, 20 };
	static const char *const k2[] = { "SOAP/XML", "XACML store",
					  "SAML token" };
	static const int64_t v2[] = { 1, 5, 6 };
	static const char *const k3[] = { "breakfast", "non-diet pepsi",
					  "parrot" };
	static const int64_t v3[] = { -5, -20, -100 };
	struct dt_agg a;
	struct dt_prog prog;
	struct dt_aggset as1, as2, as3;
	char want[2048];
	char *got;

	memset(&prog, 0, sizeof(prog));
	hist_agg(&as1, &a, &prog, k1, v1, 3);
	hist_agg(&as2, &a, &prog, k2, v2, 3);
	hist_agg(&as3, &a, &prog, k3, v3, 3);
	dt_opt.agghist = 1;

	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "          demerit                @@@@@|                     -10      \n",
		 "              wtf                     |@@@@@                10       \n",
		 "              bot                     |@@@@@@@@@@           20       \n");
	got = agg_out(&as1, 1);
	check_str("agghist both signs", got, want);
	free(got);
	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "         SOAP/XML |@@@                                      1        \n",
		 "      XACML store |@@@@@@@@@@@@@@@@@                        5        \n",
		 "       SAML token |@@@@@@@@@@@@@@@@@@@@                     6        \n");
	got = agg_out(&as2, 1);
	check_str("agghist positive", got, want);
	free(got);
	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "           parrot         @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@| -100     \n",
		 "   non-diet pepsi                                   @@@@@@| -20      \n",
		 "        breakfast                                       @@| -5       \n");
	got = agg_out(&as3, 1);
	check_str("agghist negative", got, want);
	free(got);

	dt_opt.aggzoom = 1;
	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "          demerit           @@@@@@@@@@|                     -10      \n",
		 "              wtf                     |@@@@@@@@@@           10       \n",
		 "              bot                     |@@@@@@@@@@@@@@@@@@@  20       \n");
	got = agg_out(&as1, 1);
	check_str("agghist zoom both signs", got, want);
	free(got);
	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "         SOAP/XML |@@@@@@@                                  1        \n",
		 "      XACML store |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@        5        \n",
		 "       SAML token |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 6        \n");
	got = agg_out(&as2, 1);
	check_str("agghist zoom positive", got, want);
	free(got);
	snprintf(want, sizeof(want), "%s%s%s%s", hist_hdr,
		 "           parrot   @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@| -100     \n",
		 "   non-diet pepsi                                 @@@@@@@@| -20      \n",
		 "        breakfast                                       @@| -5       \n");
	got = agg_out(&as3, 1);
	check_str("agghist zoom negative", got, want);
	free(got);
	dt_opt.aggzoom = 0;
	dt_opt.agghist = 0;

	/* without agghist the same data prints as plain sums */
	snprintf(want, sizeof(want), "  %-50s %16lld\n", "breakfast", -5LL);
	got = agg_out(&as3, 1);
	check_int("agghist off", strstr(got, want) != NULL, 1);
	free(got);
	dt_aggset_fini(&as1);
	dt_aggset_fini(&as2);
	dt_aggset_fini(&as3);
}

static void test_aggpack(void)
{
	const int z = DTRACE_QUANTIZE_ZEROBUCKET;
	static int64_t q[DTRACE_QUANTIZE_NBUCKETS];
	static const int keys[] = { 100, 99, 78, 21, 0 };
	struct dt_agg a[3];
	struct dt_prog prog;
	struct dt_aggset as;
	int64_t lq[32], ik;
	char k[STRSZ], want[2048];
	char *got;
	int i;

	memset(&prog, 0, sizeof(prog));
	mkagg(&a[0], 1, DTRACEAGG_QUANTIZE, 1);
	mkagg(&a[1], 2, DTRACEAGG_QUANTIZE, 2);
	mkagg(&a[2], 3, DTRACEAGG_LQUANTIZE, 0);
	a[2].arg2 = DTRACE_LQUANTIZE_ARG(-10, 1, 30);
	a[2].valsize = dt_agg_nwords(DTRACEAGG_LQUANTIZE, a[2].arg2) * 8;
	prog.naggs = 3;
	prog.aggs = a;
	check_int("aggpack init", dt_aggset_init(&as, &prog), 0);
	snaplen = 0;
	/* @z["mumble"] = quantize(1) */
	memset(q, 0, sizeof(q));
	q[z + 1] = 1;
	skey(k, "mumble");
	snap_add(1, k, STRSZ, q, DTRACE_QUANTIZE_NBUCKETS);
	/* @a[i] = quantize(0, i); @a[i] = quantize(1, 100 - i) */
	for (i = 0; i < 5; i++) {
		memset(q, 0, sizeof(q));
		q[z] = keys[i];
		q[z + 1] = 100 - keys[i];
		ik = keys[i];
		snap_add(2, &ik, 8, q, DTRACE_QUANTIZE_NBUCKETS);
	}
	/* @neg = lquantize(-10, -10, 20, 1, -1), (-5, ..., 1), (0, ..., 1) */
	memset(lq, 0, sizeof(lq));
	lq[1] = -1;
	lq[6] = 1;
	lq[11] = 1;
	snap_add(3, NULL, 0, lq, 32);
	check_int("aggpack merge", dt_aggset_merge(&as, snapbuf, snaplen), 0);

	dt_opt.aggpack = 1;
	dt_opt.encoding = DT_ENC_ASCII;
	got = agg_out(&as, 1);
	check_str("aggpack string key", got,
		  "\n              key  min .---. max  | count\n"
		  "           mumble    0 : X : 2    | 1\n");
	free(got);
	got = agg_out(&as, 2);
	check_str("aggpack rows", got,
		  "\n      key  min .---. max  | count\n"
		  "      100    0 :X  : 2    | 100\n"
		  "       99    0 :X_ : 2    | 100\n"
		  "       78    0 :xx : 2    | 100\n"
		  "       21    0 :_X : 2    | 100\n"
		  "        0    0 : X : 2    | 100\n");
	free(got);
	dt_opt.aggzoom = 1;
	got = agg_out(&as, 3);
	check_str("aggpack lquantize zoom", got,
		  "\n     min .--------------------------------. max      | count\n"
		  "   < -10 : V    X    X                    : >= 20    | 1\n");
	free(got);
	dt_opt.aggzoom = 0;
	got = agg_out(&as, 3);
	check_str("aggpack lquantize", got,
		  "\n     min .--------------------------------. max      | count\n"
		  "   < -10 : v    x    x                    : >= 20    | 1\n");
	free(got);
	dt_opt.aggpack = 0;
	dt_opt.encoding = DT_ENC_UNSET;
	dt_aggset_fini(&as);
	(void)want;
}

static char *bytes_out(const void *d, size_t n, int raw)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (raw)
		dt_print_rawbytes(m, d, n);
	else
		dt_print_bytes(m, d, n, 33, 0);
	fclose(m);
	return buf;
}

static void test_bytes(void)
{
	static const unsigned char bin[4] = { 1, 0, 2, 0 };
	char want[1024], *p, *got;
	int i;

	/* Header: 5 + 6 blanks, "  X" per column, the ASCII heading. */
	p = want + sprintf(want, "\n%11s", "");
	for (i = 0; i < 16; i++)
		p += sprintf(p, "  %x", i);
	p += sprintf(p, "  0123456789abcdef\n");
	/* Rows: offset "%5x:" after 5 blanks, " %02x" bytes, 2 blanks. */
	p += sprintf(p, "%10x:", 0);
	for (i = 0; i < 16; i++)
		p += sprintf(p, " %02x", 'A' + i);
	p += sprintf(p, "  ABCDEFGHIJKLMNOP\n");
	p += sprintf(p, "%10x:", 16);
	for (i = 16; i < 20; i++)
		p += sprintf(p, " %02x", 'A' + i);
	p += sprintf(p, "%36s  QRST\n", "");
	got = bytes_out("ABCDEFGHIJKLMNOPQRST", 20, 1);
	check_str("tracemem layout", got, want);
	free(got);

	got = bytes_out("abc\0\0\0", 6, 0);
	snprintf(want, sizeof(want), "  %-33s", "abc");
	check_str("printable bytes print as a string", got, want);
	free(got);
	got = bytes_out(bin, 4, 0);
	check_str("binary bytes print raw", strncmp(got, "\n", 1) == 0 &&
		  strstr(got, " 01 00 02 00") ? "raw" : got, "raw");
	free(got);
}

static void test_signed_hist(void)
{
	const int z = DTRACE_QUANTIZE_ZEROBUCKET;
	char want[2048], *p, *got;

	/* Counts of -2 at value 1 and +2 at value 2 (negative increments). */
	memset(qdata, 0, sizeof(qdata));
	qdata[z + 1] = -2;
	qdata[z + 2] = 2;
	/* Both signs: half bars (20 columns) around a center line. */
	p = want + sprintf(want, "%s", ref_hdr);
	p += sprintf(p, "%16s %20s|%20s %-9d\n", "0", "", "", 0);
	p += sprintf(p, "%16s %10s%.10s|%20s %-9d\n", "1", "",
		     "@@@@@@@@@@", "", -2);
	p += sprintf(p, "%16s %20s|%.10s%10s %-9d\n", "2", "",
		     "@@@@@@@@@@", "", 2);
	p += sprintf(p, "%16s %20s|%20s %-9d\n", "4", "", "", 0);
	got = render(q_print, NULL);
	check_str("quantize with negative counts", got, want);
	free(got);
}

/*
 * Histograms with negative counts only, both signs in lquantize(), after
 * normalize(), and the empty llquantize(): DTrace's dt_print_quantline()
 * layout.  Negative-only rows put the bar left of the axis: 40 columns of
 * spaces then '@' right-aligned, "| " and the count.
 */
static void ref_negrow(char **p, const char *label, long long count,
		       long long shown, long double total)
{
	int depth = (int)((count < 0 ? -count : count) * 40 / total + 0.5);
	int i;

	*p += sprintf(*p, "%16s ", label);
	for (i = 0; i < 40; i++)
		*(*p)++ = i < 40 - depth ? ' ' : '@';
	*p += sprintf(*p, "| %-9lld\n", shown);
}

static uint64_t hist_normal = 1;

static void qn_print(FILE *m)
{
	dt_print_quantize(m, qdata, hist_normal);
}

static void test_neg_hist(void)
{
	const int z = DTRACE_QUANTIZE_ZEROBUCKET;
	char want[4096], *p, *got;

	/* quantize(-1, 3) and quantize(-2, 1): counts -3 at -1, -1 at -2 */
	memset(qdata, 0, sizeof(qdata));
	qdata[z - 1] = -3;
	qdata[z - 2] = -1;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_negrow(&p, "-4", 0, 0, 4);
	ref_negrow(&p, "-2", -1, -1, 4);
	ref_negrow(&p, "-1", -3, -3, 4);
	ref_negrow(&p, "0", 0, 0, 4);
	*p = '\0';
	got = render(qn_print, NULL);
	check_str("quantize negative counts only", got, want);
	free(got);

	/*
	 * normalize(@, 2): DTrace's dt_print_quantline() divides
	 * "(long long)val / normal" with normal a uint64_t, so the division
	 * is unsigned: -4 / 2 prints as (2^64 - 4) / 2 = 2^63 - 2; the bars
	 * are drawn from the raw counts and keep their length.
	 */
	memset(qdata, 0, sizeof(qdata));
	qdata[z - 1] = -4;
	qdata[z - 2] = -4;
	hist_normal = 2;
	p = want + sprintf(want, "%s", ref_hdr);
	ref_negrow(&p, "-4", 0, 0, 8);
	ref_negrow(&p, "-2", -4, 9223372036854775806LL, 8);
	ref_negrow(&p, "-1", -4, 9223372036854775806LL, 8);
	ref_negrow(&p, "0", 0, 0, 8);
	*p = '\0';
	got = render(qn_print, NULL);
	check_str("quantize negative counts normalized", got, want);
	free(got);
	hist_normal = 1;

	/*
	 * lquantize(x, 0, 10, 5) with -1 at 0 and 3 at 5: both signs, half
	 * bars; the overflow row ">= 10" below the data.
	 */
	memset(ldata, 0, sizeof(ldata));
	larg = DTRACE_LQUANTIZE_ARG(0, 5, 2);
	ldata[1] = -1;
	ldata[2] = 3;
	p = want + sprintf(want, "%s", ref_hdr);
	p += sprintf(p, "%16s %20s|%20s %-9d\n", "< 0", "", "", 0);
	p += sprintf(p, "%16s %15s%.5s|%20s %-9d\n", "0", "", "@@@@@", "",
		     -1);
	p += sprintf(p, "%16s %20s|%.15s%5s %-9d\n", "5", "",
		     "@@@@@@@@@@@@@@@", "", 3);
	p += sprintf(p, "%16s %20s|%20s %-9d\n", ">= 10", "", "", 0);
	got = render(lq_print, NULL);
	check_str("lquantize both signs", got, want);
	free(got);

	/* An empty llquantize() shows the underflow row and the first one. */
	memset(ldata, 0, sizeof(ldata));
	larg = DTRACE_LLQUANTIZE_ARG(10, 0, 1, 10);
	p = want + sprintf(want, "%s", ref_hdr);
	ref_row(&p, "< 1", 0, 0);
	ref_row(&p, "1", 0, 0);
	*p = '\0';
	got = render(llq_print, NULL);
	check_str("llquantize empty", got, want);
	free(got);
}

/*
 * Sorting histograms by value, DTrace's weights: lquantize()'s overflow
 * bucket weighs one more than its highest value, llquantize()'s underflow
 * bucket one less than its lowest value.
 */
static void test_hist_sort(void)
{
	struct dt_agg aggs[2];
	struct dt_prog prog;
	struct dt_aggset as;
	char k[STRSZ], *got, *a, *b;
	int64_t v[32];

	memset(&prog, 0, sizeof(prog));
	mkagg(&aggs[0], 1, DTRACEAGG_LQUANTIZE, 1);
	aggs[0].arg2 = DTRACE_LQUANTIZE_ARG(0, 5, 2);
	aggs[0].valsize = dt_agg_nwords(aggs[0].func, aggs[0].arg2) * 8;
	mkagg(&aggs[1], 2, DTRACEAGG_LLQUANTIZE, 1);
	aggs[1].arg2 = DTRACE_LLQUANTIZE_ARG(10, 1, 2, 10);
	aggs[1].valsize = dt_agg_nwords(aggs[1].func, aggs[1].arg2) * 8;
	prog.naggs = 2;
	prog.aggs = aggs;
	check_int("hist sort aggset init", dt_aggset_init(&as, &prog), 0);

	/* "a": one value >= 10 (weight 11); "b": two values 5 (weight 10) */
	snaplen = 0;
	memset(v, 0, sizeof(v));
	skey(k, "a");
	v[3] = 1;
	snap_add(1, k, STRSZ, v, 4);
	memset(v, 0, sizeof(v));
	skey(k, "b");
	v[2] = 2;
	snap_add(1, k, STRSZ, v, 4);
	/* "c": one value < 10 (weight 9); "d": nothing counted (0) */
	memset(v, 0, sizeof(v));
	skey(k, "c");
	v[0] = 1;
	snap_add(2, k, STRSZ, v, aggs[1].valsize / 8);
	memset(v, 0, sizeof(v));
	skey(k, "d");
	snap_add(2, k, STRSZ, v, aggs[1].valsize / 8);
	check_int("hist sort merge", dt_aggset_merge(&as, snapbuf, snaplen), 0);

	got = agg_out(&as, 1);
	a = got ? strstr(got, "  a ") : NULL;
	b = got ? strstr(got, "  b ") : NULL;
	check_str("lquantize sort: overflow weighs highest + 1",
		  a && b && b < a ? "b first" : "a first", "b first");
	free(got);
	got = agg_out(&as, 2);
	a = got ? strstr(got, "  c ") : NULL;
	b = got ? strstr(got, "  d ") : NULL;
	check_str("llquantize sort: underflow weighs lowest - 1",
		  a && b && b < a ? "d first" : "c first", "d first");
	free(got);
	dt_aggset_fini(&as);
}

static void test_joined(void)
{
	struct dt_agg aggs[2];
	struct dt_prog prog;
	struct dt_aggset as;
	uint32_t ids[2] = { 1, 2 };
	char k[STRSZ], *buf = NULL;
	size_t len = 0;
	int64_t v[1];
	FILE *m;

	memset(&prog, 0, sizeof(prog));
	mkagg(&aggs[0], 1, DTRACEAGG_COUNT, 1);
	mkagg(&aggs[1], 2, DTRACEAGG_SUM, 1);
	prog.naggs = 2;
	prog.aggs = aggs;
	dt_aggset_init(&as, &prog);
	snaplen = 0;
	skey(k, "x");
	v[0] = 2;
	snap_add(1, k, STRSZ, v, 1);
	v[0] = 50;
	snap_add(2, k, STRSZ, v, 1);
	skey(k, "y");
	v[0] = 1;
	snap_add(1, k, STRSZ, v, 1);
	skey(k, "z");
	v[0] = 7;
	snap_add(2, k, STRSZ, v, 1);
	dt_aggset_merge(&as, snapbuf, snaplen);

	/* Keys of both; a missing value is 0; sorted by @a's value. */
	m = open_memstream(&buf, &len);
	dt_agg_printa(m, &as, "%s %@d %@d\n", ids, 2);
	fclose(m);
	check_str("printa joined", buf, "z 0 7\ny 1 0\nx 2 50\n");
	free(buf);

	dt_opt.aggsortpos = 1;
	buf = NULL;
	m = open_memstream(&buf, &len);
	dt_agg_printa(m, &as, "%s %@d %@d\n", ids, 2);
	fclose(m);
	check_str("aggsortpos=1", buf, "y 1 0\nz 0 7\nx 2 50\n");
	free(buf);
	dt_opt.aggsortpos = 0;
	dt_aggset_fini(&as);
}

/* ---------------------------------------------------------------------
 * Options and probe descriptions
 * --------------------------------------------------------------------- */
static void test_options(void)
{
	struct dt_opts o;
	const char *err = NULL;
	int64_t v;

	check_int("size 4m ok", dt_opt_size("4m", &v), 0);
	check_int("size 4m", v, 4 << 20);
	dt_opt_size("512k", &v);
	check_int("size 512k", v, 512 << 10);
	dt_opt_size("1g", &v);
	check_int("size 1g", v, 1LL << 30);
	dt_opt_size("100", &v);
	check_int("size 100", v, 100);
	check_int("size 4x bad", dt_opt_size("4x", &v), -1);
	/* the compiler's view of the same table */
	check_int("check aggpack", dt_opt_check("aggpack", NULL, &err), 0);
	check_int("check quietresize", dt_opt_check("quietresize", "1", &err),
		  0);
	check_int("check aggpack=maybe", dt_opt_check("aggpack", "maybe",
		  &err), -1);
	check_str("check bad value reason", err,
		  "Invalid value for specified option");
	check_int("check nosuch", dt_opt_check("nosuch", NULL, &err), -1);
	check_str("check bad name reason", err, "Invalid option name");
	check_int("check bufsize=4q", dt_opt_check("bufsize", "4q", &err), -1);
	check_int("size empty bad", dt_opt_size("", &v), -1);
	check_int("size negative bad", dt_opt_size("-1", &v), -1);
	dt_opt_time("10hz", &v);
	check_int("time 10hz", v, 100000000);
	dt_opt_time("1ms", &v);
	check_int("time 1ms", v, 1000000);
	dt_opt_time("5s", &v);
	check_int("time 5s", v, 5000000000LL);
	dt_opt_time("2m", &v);
	check_int("time 2m (minutes)", v, 120000000000LL);
	dt_opt_time("250", &v);
	check_int("time bare ns", v, 250);
	check_int("time bad suffix", dt_opt_time("3parsecs", &v), -1);

	dt_opts_init(&o);
	check_int("default switchrate 1hz", o.switchrate, 1000000000LL);
	check_int("unknown option", dt_opt_set(&o, "nosuch", NULL, &err), -1);
	check_str("unknown option message", err, "Invalid option name");
	check_int("bad value", dt_opt_set(&o, "bufsize", "lots", &err), -1);
	check_str("bad value message", err,
		  "Invalid value for specified option");
	check_int("quiet", dt_opt_set(&o, "quiet", NULL, &err), 0);
	check_int("quiet set", o.quiet, 1);
	dt_opt_set(&o, "bufpolicy", "ring", &err);
	check_int("bufpolicy ring", o.bufpolicy, DTRACE_BUFPOLICY_RING);
	check_int("bufpolicy bad", dt_opt_set(&o, "bufpolicy", "spill", &err),
		  -1);
	dt_opt_set(&o, "switchrate", "10ms", &err);
	check_int("switchrate 10ms", o.switchrate, 10000000);
	dt_opt_set(&o, "aggsortkeypos", "1", &err);
	check_int("aggsortkeypos", o.aggsortkeypos, 1);
	dt_opt_set(&o, "strsize", "1k", &err);
	check_int("strsize 1k", o.strsize, 1024);
	check_int("strsize needs a value",
		  dt_opt_set(&o, "strsize", NULL, &err), -1);
}

static void test_pdesc(void)
{
	struct dtrace_probedesc pd;

	check_int("BEGIN", dt_pdesc_parse("BEGIN", DT_SPEC_NAME, &pd), 0);
	check_str("BEGIN name", pd.name, "BEGIN");
	check_str("BEGIN provider empty", pd.provider, "");
	dt_pdesc_parse("syscall::read:entry", DT_SPEC_NAME, &pd);
	check_str("4 fields provider", pd.provider, "syscall");
	check_str("4 fields func", pd.func, "read");
	check_str("4 fields name", pd.name, "entry");
	dt_pdesc_parse("read:entry", DT_SPEC_NAME, &pd);
	check_str("2 fields func", pd.func, "read");
	dt_pdesc_parse("read", DT_SPEC_FUNC, &pd);
	check_str("-f func", pd.func, "read");
	check_str("-f name empty", pd.name, "");
	dt_pdesc_parse("fbt:ext4", DT_SPEC_MOD, &pd);
	check_str("-m provider", pd.provider, "fbt");
	check_str("-m module", pd.mod, "ext4");
	dt_pdesc_parse("syscall", DT_SPEC_PROVIDER, &pd);
	check_str("-P provider", pd.provider, "syscall");
	check_int("-f too many fields", dt_pdesc_parse("a:b:c:d", DT_SPEC_FUNC,
		  &pd), -1);
	check_int("-n five fields", dt_pdesc_parse("a:b:c:d:e", DT_SPEC_NAME,
		  &pd), -1);
	check_int("-i 12", dt_pdesc_parse("12", -1, &pd), 0);
	check_int("-i id", pd.id, 12);
	check_int("-i junk", dt_pdesc_parse("12x", -1, &pd), -1);
	/* the compiler's clause descriptions use the same parser */
	check_int("clause a:b", dt_parse_pdesc("a:b", &pd), 0);
	check_str("clause a:b func", pd.func, "a");
	check_str("clause a:b name", pd.name, "b");
	check_int("clause five fields", dt_parse_pdesc("a:b:c:d:", &pd), -1);
	check_int("escaped colon", dt_parse_pdesc("p:m:f\\:g:n", &pd), 0);
	check_str("escaped colon stays", pd.func, "f\\:g");
	memset(&pd, 'x', sizeof(pd));
	check_int("long name", dt_parse_pdesc(
		  "::: 123456789012345678901234567890123456789012345678901234567890"
		  "12345678901234567890", &pd),
		  sizeof(pd.name) > 81 ? 0 : -1);
}

/* ---------------------------------------------------------------------
 * The record consumer, with a hand-built program and buffer
 * --------------------------------------------------------------------- */
static unsigned char rbuf[4096];
static size_t rlen;

static void rec_add(uint32_t epid, const void *data, uint32_t len)
{
	struct dtrace_rechdr h;
	uint32_t pad = (len + 7) & ~7u;

	h.epid = epid;
	h.size = sizeof(h) + pad;
	h.timestamp = 1;
	memcpy(rbuf + rlen, &h, sizeof(h));
	memset(rbuf + rlen + sizeof(h), 0, pad);
	memcpy(rbuf + rlen + sizeof(h), data, len);
	rlen += h.size;
}

static char *run_synth(struct dt_run *run, struct dtrace_probedesc *eps,
		       int *epc, int nep, int *status)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *save = dt_out;

	dt_out = open_memstream(&buf, &len);
	*status = dt_consume_synthetic(run, eps, epc, nep, rbuf, rlen,
				       snapbuf, snaplen);
	fclose(dt_out);
	dt_out = save;
	return buf;
}

static void test_consume(void)
{
	struct dt_action acts[8];
	struct dt_clause cl[2];
	struct dt_format fmts[1];
	struct dt_vtype pfargs[2];
	struct dt_prog prog;
	struct dt_run run;
	struct dt_source src = { "description", "BEGIN", "BEGIN", 0, 2 };
	struct dtrace_probedesc eps[2];
	int epc[2] = { 0, 1 }, status;
	unsigned char data[64];
	char want[1024], *got;
	int64_t x;

	memset(&prog, 0, sizeof(prog));
	memset(acts, 0, sizeof(acts));
	memset(cl, 0, sizeof(cl));
	memset(eps, 0, sizeof(eps));
	memset(&run, 0, sizeof(run));

	/* Clause 0 (BEGIN): trace(42); trace("hi"); */
	acts[0].kind = DTRACEACT_DIFEXPR;
	acts[0].recoff = 0;
	acts[0].recsize = 8;
	acts[0].type = t_int;
	acts[0].owner = -1;
	acts[1].kind = DTRACEACT_DIFEXPR;
	acts[1].recoff = 8;
	acts[1].recsize = STRSZ;
	acts[1].type = t_str;
	acts[1].owner = -1;
	cl[0].nactions = 2;
	cl[0].actions = &acts[0];
	cl[0].stmt = 0;
	/* Clause 1 (END): printf("%s=%d\n", "x", 5); exit(3); */
	acts[2].kind = DTRACEACT_PRINTF;
	acts[2].fmt = 0;
	acts[2].nargs = 2;
	acts[2].owner = -1;
	acts[3].kind = DTRACEACT_DIFEXPR;
	acts[3].recoff = 0;
	acts[3].recsize = STRSZ;
	acts[3].type = t_str;
	acts[3].owner = 0;
	acts[4].kind = DTRACEACT_DIFEXPR;
	acts[4].recoff = STRSZ;
	acts[4].recsize = 8;
	acts[4].type = t_u64;
	acts[4].owner = 0;
	acts[5].kind = DTRACEACT_EXIT;
	acts[5].recoff = STRSZ + 8;
	acts[5].recsize = 8;
	acts[5].type = t_int;
	acts[5].owner = -1;
	cl[1].nactions = 4;
	cl[1].actions = &acts[2];
	cl[1].stmt = 1;
	pfargs[0] = t_str;
	pfargs[1] = t_u64;
	fmts[0].kind = DT_FMT_PRINTF;
	fmts[0].fmt = (char *)"%s=%d\n";
	fmts[0].nargs = 2;
	fmts[0].args = pfargs;
	prog.nclauses = 2;
	prog.clauses = cl;
	prog.nformats = 1;
	prog.formats = fmts;
	run.prog = &prog;
	run.nsources = 1;
	run.sources = &src;

	strcpy(eps[0].provider, "dtrace");
	strcpy(eps[0].name, "BEGIN");
	eps[0].id = 1;
	strcpy(eps[1].provider, "dtrace");
	strcpy(eps[1].name, "END");
	eps[1].id = 2;

	rlen = 0;
	snaplen = 0;
	memset(data, 0, sizeof(data));
	x = 42;
	memcpy(data, &x, 8);
	strcpy((char *)data + 8, "hi");
	rec_add(1, data, 8 + STRSZ);
	memset(data, 0, sizeof(data));
	strcpy((char *)data, "x");
	x = 5;
	memcpy(data + STRSZ, &x, 8);
	x = 3;
	memcpy(data + STRSZ + 8, &x, 8);
	rec_add(2, data, STRSZ + 24);

	dt_opt.quiet = 0;
	got = run_synth(&run, eps, epc, 2, &status);
	snprintf(want, sizeof(want),
		 "%3s %6s %32s\n"
		 "%3d %6d %32s  %8d  %-33s\n"
		 "%3d %6d %32s x=5\n\n\n",
		 "CPU", "ID", "FUNCTION:NAME",
		 0, 1, ":BEGIN", 42, "hi",
		 0, 2, ":END");
	check_str("consume default output", got, want);
	check_int("exit status from exit()", status, 3);
	free(got);

	dt_opt.quiet = 1;
	got = run_synth(&run, eps, epc, 2, &status);
	check_str("consume quiet output", got, "42hix=5\n\n");
	free(got);
	dt_opt.quiet = 0;

	/* -F: entry/return indentation, DTrace's "%3d %-41s " prefix. */
	{
		struct dtrace_probedesc fe[4];
		struct dt_clause fc[1];
		struct dt_prog fp;
		struct dt_run fr = run;
		int fepc[4] = { 0, 0, 0, 0 };
		static const char *fn[4][2] = {
			{ "foo", "entry" }, { "bar", "entry" },
			{ "bar", "return" }, { "foo", "return" } };
		int j;

		memset(fe, 0, sizeof(fe));
		memset(fc, 0, sizeof(fc));
		memset(&fp, 0, sizeof(fp));
		fp.nclauses = 1;
		fp.clauses = fc;
		fr.prog = &fp;
		rlen = 0;
		snaplen = 0;
		for (j = 0; j < 4; j++) {
			strcpy(fe[j].provider, "fbt");
			strcpy(fe[j].mod, "vmlinux");
			strcpy(fe[j].func, fn[j][0]);
			strcpy(fe[j].name, fn[j][1]);
			fe[j].id = 10 + j;
			rec_add(j + 1, data, 0);
		}
		dt_opt.flowindent = 1;
		got = run_synth(&fr, fe, fepc, 4, &status);
		dt_opt.flowindent = 0;
		snprintf(want, sizeof(want),
			 "%3s %-41s\n%3d %-41s \n%3d %-41s \n%3d %-41s \n"
			 "%3d %-41s \n\n", "CPU", "FUNCTION",
			 0, " -> foo", 0, "   -> bar", 0, "   <- bar",
			 0, " <- foo");
		check_str("flowindent", got, want);
		free(got);
	}

	/* Unknown EPIDs and malformed sizes do not crash. */
	rlen = 0;
	rec_add(7, data, 8);
	{
		FILE *save = stderr;
		char *ebuf = NULL;
		size_t elen = 0;

		stderr = open_memstream(&ebuf, &elen);
		dt_opt.quiet = 1;
		got = run_synth(&run, eps, epc, 2, &status);
		fclose(stderr);
		stderr = save;
		check_str("unknown EPID message", ebuf,
			  "dtrace: record with unknown enabled probe ID 7\n");
		free(ebuf);
		free(got);
		dt_opt.quiet = 0;
	}

	/* An error record, worded as DTrace does. */
	{
		struct dtrace_errrec e = { 1, 2, 5, DTRACEFLT_BADADDR, 0x10 };
		FILE *save = stderr;
		char *ebuf = NULL;
		size_t elen = 0;

		rlen = 0;
		rec_add(DTRACE_EPID_ERROR, &e, sizeof(e));
		e.fault = DTRACEFLT_DIVZERO;
		e.action = 0;
		rec_add(DTRACE_EPID_ERROR, &e, sizeof(e));
		stderr = open_memstream(&ebuf, &elen);
		got = run_synth(&run, eps, epc, 2, &status);
		fclose(stderr);
		stderr = save;
		check_str("error records", ebuf,
			  "dtrace: error on enabled probe ID 1 (ID 1: "
			  "dtrace:::BEGIN): invalid address (0x10) in action "
			  "#2 at DIF offset 5\n"
			  "dtrace: error on enabled probe ID 1 (ID 1: "
			  "dtrace:::BEGIN): divide-by-zero in predicate at "
			  "DIF offset 5\n");
		free(ebuf);
		free(got);
	}
}

/* ---------------------------------------------------------------------
 * -x temporal across snapshot passes
 * --------------------------------------------------------------------- */
#define TP_PASSES	3
#define TP_CPUS		2
static unsigned char tbuf[TP_PASSES][TP_CPUS][512];
static struct dt_synth_snap tsnap[TP_PASSES * TP_CPUS];

/* Append a record of EPID epid at time ts, recording v (and 3 for exit). */
static void trec(int pass, int cpu, uint32_t epid, uint64_t ts, uint64_t v)
{
	struct dt_synth_snap *sn = &tsnap[pass * TP_CPUS + cpu];
	unsigned char *p = tbuf[pass][cpu] + sn->len;
	struct dtrace_rechdr h = { epid, sizeof(h) + 16, ts };
	uint64_t x = 3;

	sn->buf = tbuf[pass][cpu];
	if (epid == DTRACE_EPID_ERROR) {
		struct dtrace_errrec e = { 1, 2, 5, DTRACEFLT_BADADDR, 0x10 };

		h.size = sizeof(h) + sizeof(e);
		memcpy(p + sizeof(h), &e, sizeof(e));
	} else {
		memcpy(p + sizeof(h), &v, 8);
		memcpy(p + sizeof(h) + 8, &x, 8);
	}
	memcpy(p, &h, sizeof(h));
	sn->len += h.size;
}

/*
 * Run the passes set up with trec() (npasses, the last one after STOP
 * unless nostop: then what is held back is never printed); stdout and
 * stderr in one string.
 */
static char *run_passes(struct dt_run *run, struct dtrace_probedesc *eps,
			int *epc, int nep, int npasses, int nostop,
			int *status)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *save = dt_out, *serr = stderr;

	dt_out = open_memstream(&buf, &len);
	stderr = dt_out;
	*status = dt_consume_synthetic_passes(run, eps, epc, nep, TP_CPUS,
					      tsnap, npasses, !nostop);
	fclose(dt_out);
	stderr = serr;
	dt_out = save;
	memset(tsnap, 0, sizeof(tsnap));
	return buf;
}

/*
 * Random timelines: records on RP_CPUS CPUs at random times, snapshots of
 * the CPUs one after the other at increasing times (a record comes with
 * the first snapshot of its CPU after it); the output must be in time
 * order and complete.
 */
#define RP_PASSES	24
#define RP_CPUS		4
static unsigned char rpbuf[RP_PASSES][RP_CPUS][2048];
static struct dt_synth_snap rpsnap[RP_PASSES * RP_CPUS];

static uint32_t rp_seed = 12345;

static uint32_t rp_rand(void)
{
	rp_seed = rp_seed * 1103515245u + 12345u;
	return rp_seed >> 16;
}

static void test_temporal_random(struct dt_run *run,
				 struct dtrace_probedesc *eps, int *epc)
{
	int round, bad = 0;

	for (round = 0; round < 50 && !bad; round++) {
		uint64_t t = 1, cut[RP_PASSES][RP_CPUS], last = 0;
		uint64_t next[RP_CPUS];
		int pass, cpu, n = 0, got_n = 0, status;
		char *buf = NULL, *line, *sp;
		size_t len = 0;
		FILE *save = dt_out;

		memset(rpsnap, 0, sizeof(rpsnap));
		for (pass = 0; pass < RP_PASSES; pass++)
			for (cpu = 0; cpu < RP_CPUS; cpu++) {
				t += 1 + rp_rand() % 40;
				cut[pass][cpu] = t;
			}
		for (cpu = 0; cpu < RP_CPUS; cpu++)
			next[cpu] = 1 + rp_rand() % 50;
		for (pass = 0; pass < RP_PASSES; pass++) {
			for (cpu = 0; cpu < RP_CPUS; cpu++) {
				struct dt_synth_snap *sn =
					&rpsnap[pass * RP_CPUS + cpu];

				sn->buf = rpbuf[pass][cpu];
				/* Idle CPUs now and then. */
				while (next[cpu] < cut[pass][cpu] &&
				       sn->len + 32 <= sizeof(rpbuf[0][0])) {
					struct dtrace_rechdr h = { 1, 32,
								   next[cpu] };
					unsigned char *p = rpbuf[pass][cpu] +
							   sn->len;

					memcpy(p, &h, sizeof(h));
					memcpy(p + sizeof(h), &next[cpu], 8);
					memset(p + sizeof(h) + 8, 0, 8);
					sn->len += 32;
					n++;
					next[cpu] += 1 + rp_rand() %
						(cpu == 3 ? 400 : 30);
				}
			}
		}
		dt_out = open_memstream(&buf, &len);
		status = dt_consume_synthetic_passes(run, eps, epc, 4,
						     RP_CPUS, rpsnap,
						     RP_PASSES, 1);
		fclose(dt_out);
		dt_out = save;
		for (line = strtok_r(buf, "\n", &sp); line;
		     line = strtok_r(NULL, "\n", &sp)) {
			uint64_t v = strtoull(line, NULL, 10);

			if (v < last)
				bad = 1;
			last = v;
			got_n++;
		}
		if (got_n != n || status != 0)
			bad = 1;
		free(buf);
	}
	check_int("temporal: random timelines in order", bad, 0);
}

static void test_temporal(void)
{
	struct dt_action acts[3];
	struct dt_clause cl[1];
	struct dt_format fmts[1];
	struct dt_vtype pfargs[1] = { t_u64 };
	struct dt_prog prog;
	struct dt_run run;
	struct dt_source src = { "description", "x", "x", 0, 1 };
	struct dtrace_probedesc eps[4];
	int epc[4] = { 0, 0, 0, 0 }, status, saveq = dt_opt.quiet;
	char *got;

	memset(&prog, 0, sizeof(prog));
	memset(acts, 0, sizeof(acts));
	memset(cl, 0, sizeof(cl));
	memset(eps, 0, sizeof(eps));
	memset(&run, 0, sizeof(run));
	memset(tsnap, 0, sizeof(tsnap));
	/* printf("%d\n", v); */
	acts[0].kind = DTRACEACT_PRINTF;
	acts[0].fmt = 0;
	acts[0].nargs = 1;
	acts[0].owner = -1;
	acts[1].kind = DTRACEACT_DIFEXPR;
	acts[1].recsize = 8;
	acts[1].type = t_u64;
	acts[1].owner = 0;
	cl[0].nactions = 2;
	cl[0].actions = acts;
	fmts[0].kind = DT_FMT_PRINTF;
	fmts[0].fmt = (char *)"%d\n";
	fmts[0].nargs = 1;
	fmts[0].args = pfargs;
	prog.nclauses = 1;
	prog.clauses = cl;
	prog.nformats = 1;
	prog.formats = fmts;
	run.prog = &prog;
	run.nsources = 1;
	run.sources = &src;
	/* EPID 1 profile, 2 BEGIN, 3 END, 4 profile with exit(3) */
	strcpy(eps[0].provider, "profile");
	strcpy(eps[0].name, "profile-97");
	eps[0].id = 1;
	strcpy(eps[1].provider, "dtrace");
	strcpy(eps[1].name, "BEGIN");
	eps[1].id = 2;
	strcpy(eps[2].provider, "dtrace");
	strcpy(eps[2].name, "END");
	eps[2].id = 3;
	eps[3] = eps[0];
	dt_opt.quiet = 1;

	/*
	 * CPU 0's 20 was taken after CPU 0's first snapshot but before CPU
	 * 1's: it must still come before 30.
	 */
	trec(0, 0, 1, 10, 10);
	trec(0, 1, 1, 30, 30);
	trec(1, 0, 1, 20, 20);
	trec(1, 0, 1, 40, 40);
	trec(1, 1, 1, 50, 50);
	trec(2, 1, 1, 60, 60);
	dt_opt.temporal = 1;
	got = run_passes(&run, eps, epc, 4, 3, 0, &status);
	check_str("temporal across passes", got,
		  "10\n20\n30\n40\n50\n60\n\n");
	free(got);

	/* Without -x temporal: CPU by CPU, pass by pass, as before. */
	trec(0, 0, 1, 10, 10);
	trec(0, 1, 1, 30, 30);
	trec(1, 0, 1, 20, 20);
	trec(1, 0, 1, 40, 40);
	trec(1, 1, 1, 50, 50);
	trec(2, 1, 1, 60, 60);
	dt_opt.temporal = 0;
	got = run_passes(&run, eps, epc, 4, 3, 0, &status);
	check_str("not temporal: CPU by CPU", got,
		  "10\n30\n20\n40\n50\n60\n\n");
	free(got);
	dt_opt.temporal = 1;

	/*
	 * Without STOP: what a pass prints.  Pass 0 may print up to CPU 0's
	 * newest record (10), pass 1 up to the newest of pass 0 (30) or of
	 * CPU 0 (20): 40 stays held.
	 */
	trec(0, 0, 1, 10, 10);
	trec(0, 1, 1, 30, 30);
	trec(1, 0, 1, 20, 20);
	trec(1, 0, 1, 25, 25);
	trec(1, 1, 1, 40, 40);
	got = run_passes(&run, eps, epc, 4, 2, 1, &status);
	check_str("temporal: held back until every CPU is past", got,
		  "10\n20\n25\n30\n\n");
	free(got);

	/* An empty CPU 0: held one pass, then printed. */
	trec(0, 1, 1, 5, 5);
	trec(0, 1, 1, 7, 7);
	got = run_passes(&run, eps, epc, 4, 1, 1, &status);
	check_str("temporal: held while no bound", got, "\n");
	free(got);
	trec(0, 1, 1, 5, 5);
	trec(0, 1, 1, 7, 7);
	got = run_passes(&run, eps, epc, 4, 2, 1, &status);
	check_str("temporal: empty CPU, printed a pass later", got,
		  "5\n7\n\n");
	free(got);

	/* BEGIN's records are never held; END's come last. */
	trec(0, 1, 2, 1, 1);
	trec(0, 1, 1, 8, 8);
	got = run_passes(&run, eps, epc, 4, 1, 1, &status);
	check_str("temporal: BEGIN not held", got, "1\n\n");
	free(got);
	trec(0, 1, 2, 1, 1);
	trec(0, 1, 1, 8, 8);
	trec(1, 0, 3, 5, 100);
	trec(1, 1, 1, 9, 9);
	got = run_passes(&run, eps, epc, 4, 2, 0, &status);
	check_str("temporal: END last", got, "1\n8\n9\n100\n\n");
	free(got);

	/* A CPU's records stay in buffer order (a committed speculation). */
	trec(0, 0, 1, 30, 30);
	trec(0, 0, 1, 15, 15);
	trec(0, 1, 1, 20, 20);
	got = run_passes(&run, eps, epc, 4, 1, 0, &status);
	check_str("temporal: buffer order within a CPU", got,
		  "20\n30\n15\n\n");
	free(got);

	/* ERROR records in time order; exit() in a held record counts. */
	acts[2].kind = DTRACEACT_EXIT;
	acts[2].recoff = 8;
	acts[2].recsize = 8;
	acts[2].type = t_int;
	acts[2].owner = -1;
	{
		struct dt_clause cl2[2] = { cl[0], cl[0] };
		int epc2[4] = { 0, 0, 0, 1 };

		cl2[1].nactions = 3;
		prog.nclauses = 2;
		prog.clauses = cl2;
		trec(0, 0, 1, 10, 10);
		trec(0, 1, 1, 20, 20);
		trec(0, 1, DTRACE_EPID_ERROR, 25, 0);
		trec(0, 1, 4, 40, 40);
		trec(1, 0, 1, 30, 30);
		trec(1, 0, 3, 50, 50);
		got = run_passes(&run, eps, epc2, 4, 2, 0, &status);
		check_str("temporal: ERROR records and exit()", got,
			  "10\n20\ndtrace: error on enabled probe ID 1 (ID 1: "
			  "profile:::profile-97): invalid address (0x10) in "
			  "action #2 at DIF offset 5\n30\n40\n50\n\n");
		check_int("temporal: exit() status of a held record", status,
			  3);
		free(got);
		prog.nclauses = 1;
		prog.clauses = cl;
	}
	test_temporal_random(&run, eps, epc);
	dt_opt.temporal = 0;
	dt_opt.quiet = saveq;
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	dt_out = stdout;
	dt_opts_init(&dt_opt);

	test_printf();
	test_inet_port();
	test_ksyms();
	test_usym();
	test_quantize();
	test_aggs();
	test_bytes();
	test_signed_hist();
	test_neg_hist();
	test_hist_sort();
	test_agghist();
	test_aggpack();
	test_joined();
	test_options();
	test_pdesc();
	test_consume();
	test_temporal();

	printf("%d passed, %d failed\n", npass, nfail);
	return nfail ? 1 : 0;
}
