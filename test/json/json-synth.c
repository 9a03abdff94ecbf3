// SPDX-License-Identifier: GPL-2.0
/*
 * json-synth.c - drives dtrace(1)'s record consumer (dt_consume_synthetic)
 * with a hand-built program, records and aggregation snapshot, in the
 * output format given as argv[1] ("text" or "json"), so that
 * test/json/run.sh can parse the JSON with a real parser and compare it
 * with the text of the same records, without the module.
 *
 * The program (as if compiled from):
 *   BEGIN { trace(-3); trace("a\"b\\c"); printf("%s=%d\n", "x", 5);
 *           trace((uint32_t)4000000000); }
 *   END   { printa("%s:%@d\n", @s); exit(3); }
 * and aggregations @s[string] = sum(), @c[string] = count(),
 * @q = quantize(), @l = lquantize(v, 0, 10, 2), @a = avg().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cmd.h"

#define STRSZ 16

static unsigned char rbuf[4096], snapbuf[8192];
static size_t rlen, snaplen;

static void rec_add(uint32_t epid, const void *data, uint32_t len)
{
	struct dtrace_rechdr h = { 0 };
	uint32_t pad = (len + 7) & ~7u;

	h.epid = epid;
	h.size = sizeof(h) + pad;
	h.timestamp = 1;
	memcpy(rbuf + rlen, &h, sizeof(h));
	memset(rbuf + rlen + sizeof(h), 0, pad);
	memcpy(rbuf + rlen + sizeof(h), data, len);
	rlen += h.size;
}

static void snap_add(uint32_t aggid, const void *key, uint32_t keysize,
		     const int64_t *val, uint32_t nwords)
{
	struct dtrace_aggrec r = { 0 };
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

static struct dt_vtype t_str = { DT_VK_STRING, 0, STRSZ, STRSZ, "string" };
static struct dt_vtype t_int = { DT_VK_INT, 1, 8, 8, "int64_t" };
static struct dt_vtype t_u32 = { DT_VK_INT, 0, 4, 8, "uint32_t" };
static uint32_t off0[] = { 0 }, sz_str[] = { STRSZ };

static void mkagg(struct dt_agg *a, uint32_t id, const char *name, int func,
		  uint64_t arg2, int strkey)
{
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->func = func;
	a->arg2 = arg2;
	a->name = (char *)name;
	if (strkey) {
		a->nkeys = 1;
		a->keytypes = &t_str;
		a->keyoffs = off0;
		a->keysizes = sz_str;
		a->keysize = STRSZ;
	}
	a->valsize = dt_agg_nwords(func, arg2) * 8;
}

static void skey(char *k, const char *s)
{
	memset(k, 0, STRSZ);
	strcpy(k, s);
}

int main(int argc, char **argv)
{
	struct dt_action acts[10];
	struct dt_clause cl[2];
	struct dt_format fmts[2];
	struct dt_vtype pfargs[2];
	struct dt_agg aggs[5];
	struct dt_prog prog;
	struct dt_run run;
	struct dt_source src = { "description", "BEGIN", "BEGIN", 0, 2 };
	struct dtrace_probedesc eps[2];
	int epc[2] = { 0, 1 }, status, i;
	uint32_t sid = 1;
	unsigned char data[128];
	int64_t x, v[DTRACE_QUANTIZE_NBUCKETS + 1];
	char k[STRSZ];
	uint64_t lq = DTRACE_LQUANTIZE_ARG(0, 2, 5);

	if (argc != 2) {
		fprintf(stderr, "usage: json-synth text|json\n");
		return 2;
	}
	dt_out = stdout;
	dt_opts_init(&dt_opt);
	dt_opt.quiet = 1;
	if (strcmp(argv[1], "json") == 0)
		dt_opt.oformat = DT_OFMT_JSON;
	memset(&prog, 0, sizeof(prog));
	memset(acts, 0, sizeof(acts));
	memset(cl, 0, sizeof(cl));
	memset(eps, 0, sizeof(eps));
	memset(&run, 0, sizeof(run));
	memset(fmts, 0, sizeof(fmts));

	/* BEGIN: trace(-3); trace("a\"b\\c"); printf(...); trace(u32) */
	acts[0] = (struct dt_action){ .kind = DTRACEACT_DIFEXPR, .recoff = 0,
		.recsize = 8, .type = t_int, .owner = -1 };
	acts[1] = (struct dt_action){ .kind = DTRACEACT_DIFEXPR, .recoff = 8,
		.recsize = STRSZ, .type = t_str, .owner = -1 };
	acts[2] = (struct dt_action){ .kind = DTRACEACT_PRINTF, .fmt = 0,
		.nargs = 2, .owner = -1 };
	acts[3] = (struct dt_action){ .kind = DTRACEACT_DIFEXPR,
		.recoff = 8 + STRSZ, .recsize = STRSZ, .type = t_str, .owner = 2 };
	acts[4] = (struct dt_action){ .kind = DTRACEACT_DIFEXPR,
		.recoff = 8 + 2 * STRSZ, .recsize = 8, .type = t_int, .owner = 2 };
	acts[5] = (struct dt_action){ .kind = DTRACEACT_DIFEXPR,
		.recoff = 16 + 2 * STRSZ, .recsize = 8, .type = t_u32, .owner = -1 };
	cl[0].nactions = 6;
	cl[0].actions = &acts[0];
	cl[0].stmt = 0;
	/* END: printa("%s:%@d\n", @s); exit(3); */
	acts[6] = (struct dt_action){ .kind = DTRACEACT_PRINTA, .fmt = 1,
		.aggid = 1, .owner = -1 };
	acts[7] = (struct dt_action){ .kind = DTRACEACT_EXIT, .recoff = 0,
		.recsize = 8, .type = t_int, .owner = -1 };
	cl[1].nactions = 2;
	cl[1].actions = &acts[6];
	cl[1].stmt = 1;
	pfargs[0] = t_str;
	pfargs[1] = t_int;
	fmts[0].kind = DT_FMT_PRINTF;
	fmts[0].fmt = (char *)"%s=%d\n";
	fmts[0].nargs = 2;
	fmts[0].args = pfargs;
	fmts[1].kind = DT_FMT_PRINTA;
	fmts[1].fmt = (char *)"%s:%@d\n";
	fmts[1].naggs = 1;
	fmts[1].aggids = &sid;

	mkagg(&aggs[0], 1, "@s", DTRACEAGG_SUM, 0, 1);
	mkagg(&aggs[1], 2, "@c", DTRACEAGG_COUNT, 0, 1);
	mkagg(&aggs[2], 3, "@q", DTRACEAGG_QUANTIZE, 0, 0);
	mkagg(&aggs[3], 4, "@l", DTRACEAGG_LQUANTIZE, lq, 0);
	mkagg(&aggs[4], 5, "@a", DTRACEAGG_AVG, 0, 0);
	prog.nclauses = 2;
	prog.clauses = cl;
	prog.nformats = 2;
	prog.formats = fmts;
	prog.naggs = 5;
	prog.aggs = aggs;
	run.prog = &prog;
	run.nsources = 1;
	run.sources = &src;
	strcpy(eps[0].provider, "dtrace");
	strcpy(eps[0].name, "BEGIN");
	eps[0].id = 1;
	strcpy(eps[1].provider, "dtrace");
	strcpy(eps[1].name, "END");
	eps[1].id = 2;

	memset(data, 0, sizeof(data));
	x = -3;
	memcpy(data, &x, 8);
	strcpy((char *)data + 8, "a\"b\\c");
	strcpy((char *)data + 8 + STRSZ, "x");
	x = 5;
	memcpy(data + 8 + 2 * STRSZ, &x, 8);
	x = 4000000000LL;
	memcpy(data + 16 + 2 * STRSZ, &x, 8);
	rec_add(1, data, 24 + 2 * STRSZ);
	memset(data, 0, sizeof(data));
	x = 3;
	memcpy(data, &x, 8);
	rec_add(2, data, 8);

	skey(k, "b"); v[0] = 2; snap_add(1, k, STRSZ, v, 1);
	skey(k, "a"); v[0] = 9; snap_add(1, k, STRSZ, v, 1);
	skey(k, "k"); v[0] = 2; snap_add(2, k, STRSZ, v, 1);
	skey(k, "j"); v[0] = 1; snap_add(2, k, STRSZ, v, 1);
	skey(k, "m"); v[0] = 5; snap_add(2, k, STRSZ, v, 1);
	/* quantize: one 0, two in [2,4), one in [64,128) */
	memset(v, 0, sizeof(v));
	i = DTRACE_QUANTIZE_ZEROBUCKET;
	v[i] = 1;
	v[i + 2] = 2;
	v[i + 7] = 1;
	snap_add(3, "", 0, v, dt_agg_nwords(DTRACEAGG_QUANTIZE, 0));
	/* lquantize(.., 0, 10, 2): one below 0, one in [2,4), one >= 10 */
	memset(v, 0, sizeof(v));
	v[0] = 1;
	v[2] = 1;
	v[6] = 1;
	snap_add(4, "", 0, v, dt_agg_nwords(DTRACEAGG_LQUANTIZE, lq));
	v[0] = 2;
	v[1] = 9;
	snap_add(5, "", 0, v, 2);

	status = dt_consume_synthetic(&run, eps, epc, 2, rbuf, rlen,
				      snapbuf, snaplen);
	fflush(stdout);
	return status;
}
