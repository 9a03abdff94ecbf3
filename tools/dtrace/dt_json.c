// SPDX-License-Identifier: GPL-2.0
/*
 * dt_json.c - `-x oformat=json`: what dtrace(1) prints, as JSON, one
 * self-contained object per line (JSON Lines), for jq, log shippers and
 * stream processors.  FreeBSD's DTrace added the oformat option (libxo);
 * this is our own encoding, built with jansson (libjansson-dev).  The
 * schema is documented in dtrace.1 (OUTPUT FORMATS) and versioned:
 * DT_JSON_VERSION goes up on any incompatible change.
 *
 * Every object has "version" and "type":
 *   probe        one record of a firing: cpu, id, provider, module,
 *                function, name, and "data", the clause's output in order
 *   aggregation  an aggregation printed at exit (or by printa() without a
 *                format, inside a probe's data)
 *   error        a fault in probe context (what dtrace:::ERROR reports)
 *   drop         drops the module counted since the last report
 *
 * The consumer (dt_consume.c) calls in here for each action of a record,
 * just before it performs the action itself with its text output sent to
 * dt_json_sink(): so every side effect (exit, clear, trunc, normalize,
 * setopt, system) happens exactly as in text mode, in the same order
 * relative to the output.  Nothing here touches the module.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dtrace.h"
#include "dt_prog.h"
#include "dt_cmd.h"
#include "dt_json.h"

static json_t *obj(const char *type)
{
	json_t *o = json_object();

	json_object_set_new(o, "version", json_integer(DT_JSON_VERSION));
	json_object_set_new(o, "type", json_string(type));
	return o;
}

static void emit(json_t *o)
{
	char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER |
			     JSON_ENSURE_ASCII);

	if (s) {
		fputs(s, dt_out);
		fputc('\n', dt_out);
		free(s);
	}
	json_decref(o);
}

/*
 * A string of len bytes, stopping at the first NUL (D strings).  Bytes
 * that are not UTF-8 are taken as Latin-1, so every string is valid JSON.
 */
static json_t *str_n(const void *p, size_t len)
{
	const unsigned char *s = p;
	size_t n = strnlen(p, len), i, o = 0;
	json_t *j = json_stringn(p, n);
	char *u;

	if (j)
		return j;
	u = malloc(2 * n + 1);
	if (u == NULL)
		return json_string("");
	for (i = 0; i < n; i++) {
		if (s[i] < 0x80) {
			u[o++] = (char)s[i];
		} else {
			u[o++] = (char)(0xc0 | (s[i] >> 6));
			u[o++] = (char)(0x80 | (s[i] & 0x3f));
		}
	}
	j = json_stringn(u, o);
	free(u);
	return j ? j : json_string("");
}

static json_t *hexbytes(const unsigned char *d, size_t len)
{
	char *h = malloc(len * 2 + 1);
	json_t *j;
	size_t i;

	if (h == NULL)
		return json_null();
	for (i = 0; i < len; i++)
		sprintf(h + 2 * i, "%02x", d[i]);
	h[2 * len] = '\0';
	j = json_string(h);
	free(h);
	return j;
}

/* An integer as the text output prints it (its D size and sign). */
static json_t *int_val(const struct dt_vtype *t, uint64_t v)
{
	switch (t->size) {
	case 1:
		return json_integer(t->is_signed ? (json_int_t)(int8_t)v :
				    (json_int_t)(uint8_t)v);
	case 2:
		return json_integer(t->is_signed ? (json_int_t)(int16_t)v :
				    (json_int_t)(uint16_t)v);
	case 4:
		return json_integer(t->is_signed ? (json_int_t)(int32_t)v :
				    (json_int_t)(uint32_t)v);
	default:
		return json_integer((int64_t)v);
	}
}

/* A value of type t recorded in d (len bytes). */
static json_t *value(const struct dt_vtype *t, const unsigned char *d,
		     uint32_t len)
{
	uint64_t v = 0;
	char buf[512];

	switch (t->kind) {
	case DT_VK_STRING:
	case DT_VK_CHARARRAY:
		return str_n(d, len);
	case DT_VK_BYTES:
		return hexbytes(d, len);
	case DT_VK_STACK: {
		json_t *a = json_array();
		uint64_t depth = 0, i, pc;

		if (len >= 8)
			memcpy(&depth, d, 8);
		if (len < 8 || depth > (len - 8) / 8)
			depth = len < 8 ? 0 : (len - 8) / 8;
		for (i = 0; i < depth; i++) {
			memcpy(&pc, d + 8 + 8 * i, 8);
			if (pc == 0)
				break;
			json_array_append_new(a, json_string(
				dt_ksym_addr(pc, buf, sizeof(buf), 1)));
		}
		return a;
	}
	case DT_VK_USTACK: {
		json_t *a = json_array();
		uint64_t pid = 0, depth = 0, i, pc;

		if (len >= 16) {
			memcpy(&pid, d, 8);
			memcpy(&depth, d + 8, 8);
			if (depth > (len - 16) / 8)
				depth = (len - 16) / 8;
		}
		for (i = 0; i < depth; i++) {
			memcpy(&pc, d + 16 + 8 * i, 8);
			if (pc == 0)
				break;
			dt_usym(pid, pc, buf, sizeof(buf));
			json_array_append_new(a, json_string(buf));
		}
		return a;
	}
	default:
		break;
	}
	memcpy(&v, d, len < 8 ? len : 8);
	switch (t->kind) {
	case DT_VK_SYM:
		return json_string(dt_ksym_addr(v, buf, sizeof(buf), 0));
	case DT_VK_MOD: {
		const char *m = dt_ksym_module(v);

		if (m)
			return json_string(m);
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
		return json_string(buf);
	}
	case DT_VK_PTR:
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)v);
		return json_string(buf);
	default:
		return int_val(t, v);
	}
}

/* ----------------------------------------------------------------------
 * Aggregations
 * ---------------------------------------------------------------------- */
static const char *agg_func(int func)
{
	switch (func) {
	case DTRACEAGG_COUNT:		return "count";
	case DTRACEAGG_SUM:		return "sum";
	case DTRACEAGG_AVG:		return "avg";
	case DTRACEAGG_MIN:		return "min";
	case DTRACEAGG_MAX:		return "max";
	case DTRACEAGG_STDDEV:		return "stddev";
	case DTRACEAGG_QUANTIZE:	return "quantize";
	case DTRACEAGG_LQUANTIZE:	return "lquantize";
	case DTRACEAGG_LLQUANTIZE:	return "llquantize";
	default:			return "unknown";
	}
}

/*
 * A histogram: the buckets that have counts, each with the lowest value
 * it holds ("min"; null for lquantize's/llquantize's underflow bucket,
 * whose values are below the next bucket's min) and its count.
 */
static json_t *histogram(const struct dt_aggdesc *d, const int64_t *v)
{
	json_t *a = json_array();
	int64_t n = d->normal ? (int64_t)d->normal : 1;
	int i, nb;

	switch (d->func) {
	case DTRACEAGG_QUANTIZE:
		nb = DTRACE_QUANTIZE_NBUCKETS;
		break;
	case DTRACEAGG_LQUANTIZE:
		nb = DTRACE_LQUANTIZE_LEVELS(d->arg2) + 2;
		break;
	default:
		nb = (int)DTRACE_LLQUANTIZE_NBUCKETS(d->arg2);
	}
	for (i = 0; i < nb; i++) {
		json_t *b;
		int z = DTRACE_QUANTIZE_ZEROBUCKET;
		int64_t min = 0;
		int under = 0;

		if (v[i] == 0)
			continue;
		switch (d->func) {
		case DTRACEAGG_QUANTIZE:
			if (i < z)
				min = -(int64_t)(1ULL << (z - 1 - i));
			else if (i > z)
				min = (int64_t)(1ULL << (i - z - 1));
			break;
		case DTRACEAGG_LQUANTIZE:
			if (i == 0)
				under = 1;
			else
				min = DTRACE_LQUANTIZE_BASE(d->arg2) + (int64_t)(i - 1) *
					DTRACE_LQUANTIZE_STEP(d->arg2);
			break;
		default:
			if (i == 0)
				under = 1;
			else
				min = dtrace_llquantize_bucket_min(d->arg2, i);
		}
		b = json_object();
		json_object_set_new(b, "min", under ? json_null() :
				    json_integer(min));
		json_object_set_new(b, "count", json_integer(v[i] / n));
		json_array_append_new(a, b);
	}
	return a;
}

struct aggctx {
	json_t *rows;
};

static void agg_row(const struct dt_aggdesc *d, const unsigned char *key,
		    const int64_t *v, void *arg)
{
	struct aggctx *ctx = arg;
	json_t *r = json_object(), *keys = json_array();
	int64_t n = d->normal ? (int64_t)d->normal : 1;
	int k;

	for (k = 0; k < d->nkeys; k++) {
		uint32_t off = d->keyoffs[k], sz = d->keysizes[k];

		if (off + sz > d->keysize)
			continue;
		json_array_append_new(keys, value(&d->keytypes[k], key + off,
						  sz));
	}
	json_object_set_new(r, "keys", keys);
	switch (d->func) {
	case DTRACEAGG_QUANTIZE:
	case DTRACEAGG_LQUANTIZE:
	case DTRACEAGG_LLQUANTIZE:
		json_object_set_new(r, "buckets", histogram(d, v));
		break;
	case DTRACEAGG_AVG:
		json_object_set_new(r, "value",
			json_integer(v[0] ? v[1] / n / v[0] : 0));
		break;
	case DTRACEAGG_STDDEV:
		json_object_set_new(r, "value", json_integer((json_int_t)
			(v[0] ? dt_stddev(v, d->normal) : 0)));
		break;
	default:
		json_object_set_new(r, "value", json_integer(v[0] / n));
	}
	json_array_append_new(ctx->rows, r);
}

static json_t *agg_obj(json_t *o, struct dt_aggset *as,
		       const struct dt_prog *p, uint32_t aggid)
{
	const struct dt_aggdesc *d = &as->aggs[aggid - 1];
	const char *name = "@";
	struct aggctx ctx;

	if (p && aggid <= (uint32_t)p->naggs && p->aggs[aggid - 1].name)
		name = p->aggs[aggid - 1].name;
	json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "function", json_string(agg_func(d->func)));
	if (d->normal > 1)
		json_object_set_new(o, "normal", json_integer(
			(json_int_t)d->normal));
	ctx.rows = json_array();
	dt_agg_foreach(as, aggid, agg_row, &ctx);
	json_object_set_new(o, "rows", ctx.rows);
	return o;
}

void dt_json_aggs_all(struct dt_aggset *as, const struct dt_prog *p)
{
	int i;

	for (i = 0; i < as->naggs; i++) {
		if (as->aggs[i].printed || as->aggs[i].nents == 0)
			continue;
		emit(agg_obj(obj("aggregation"), as, p, i + 1));
	}
	fflush(dt_out);
}

/* ----------------------------------------------------------------------
 * Probe records
 * ---------------------------------------------------------------------- */
static json_t *item(const char *action)
{
	json_t *o = json_object();

	json_object_set_new(o, "action", json_string(action));
	return o;
}

/* printf()/printa(fmt) output as the text would show it. */
static json_t *formatted(const char *action, int (*fn)(FILE *, void *),
			 void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	json_t *o = item(action);

	if (m) {
		fn(m, arg);
		fclose(m);
		json_object_set_new(o, "output", buf ? json_stringn(buf, len) ?
			json_stringn(buf, len) : json_string("") :
			json_string(""));
		free(buf);
	}
	return o;
}

struct pfctx {
	const char *fmt;
	const struct dt_clause *c;
	int mi;
	const unsigned char *data;
	uint32_t dlen;
	struct dt_aggset *as;
	const uint32_t *aggids;
	int naggs;
};

static int do_printf(FILE *fp, void *arg)
{
	struct pfctx *x = arg;
	const struct dt_action *m = &x->c->actions[x->mi];
	struct dt_pfarg *args = calloc(m->nargs + 1, sizeof(*args));
	char err[256];
	int i, n = 0;

	if (args == NULL)
		return -1;
	for (i = x->mi + 1; i < x->c->nactions && n < m->nargs; i++) {
		const struct dt_action *a = &x->c->actions[i];
		uint32_t len = a->recsize;

		if (a->owner != x->mi)
			continue;
		if (a->recoff > x->dlen)
			len = 0;
		else if (len > x->dlen - a->recoff)
			len = x->dlen - a->recoff;
		if (a->kind == DTRACEACT_STACK) {
			args[n].kind = DT_PF_STACK;
			args[n].data = (const char *)x->data + a->recoff;
			args[n].len = len;
		} else {
			dt_pfarg_from_rec(&args[n], &a->type,
					  x->data + a->recoff, len);
		}
		n++;
	}
	dt_printf_format(fp, x->fmt, args, n, NULL, 0, err, sizeof(err));
	free(args);
	return 0;
}

static int do_printa(FILE *fp, void *arg)
{
	struct pfctx *x = arg;

	return dt_agg_printa(fp, x->as, x->fmt, x->aggids, x->naggs);
}

struct dt_json_rec {
	json_t *obj;
	json_t *items;
};

FILE *dt_json_sink(void)
{
	static FILE *null;

	if (null == NULL)
		null = fopen("/dev/null", "w");
	return null ? null : dt_out;
}

struct dt_json_rec *dt_json_begin(int cpu, const struct dtrace_probedesc *pd)
{
	struct dt_json_rec *r = calloc(1, sizeof(*r));
	json_t *o;

	if (r == NULL)
		return NULL;
	r->obj = o = obj("probe");
	json_object_set_new(o, "cpu", json_integer(cpu));
	json_object_set_new(o, "id", json_integer(pd->id));
	json_object_set_new(o, "provider", str_n(pd->provider,
						 sizeof(pd->provider)));
	json_object_set_new(o, "module", str_n(pd->mod, sizeof(pd->mod)));
	json_object_set_new(o, "function", str_n(pd->func, sizeof(pd->func)));
	json_object_set_new(o, "name", str_n(pd->name, sizeof(pd->name)));
	r->items = json_array();
	return r;
}

void dt_json_action(struct dt_json_rec *r, const struct dt_clause *c,
		    const struct dt_prog *p, int i,
		    const unsigned char *data, uint32_t dlen,
		    struct dt_aggset *as)
{
	const struct dt_action *a = &c->actions[i];
	const unsigned char *d = data + a->recoff;
	uint32_t rs = a->recsize;
	struct pfctx x = { .c = c, .mi = i, .data = data, .dlen = dlen,
			   .as = as };
	json_t *items = r->items, *it;

	if (a->recoff > dlen || rs > dlen - a->recoff)
		rs = a->recoff > dlen ? 0 : dlen - a->recoff;
	switch (a->kind) {
	case DTRACEACT_DIFEXPR:
		if (a->owner >= 0 || rs == 0)
			break;
		it = item("trace");
		json_object_set_new(it, "value", value(&a->type, d, rs));
		json_array_append_new(items, it);
		break;
	case DTRACEACT_PRINTF:
		if (a->fmt < 0 || a->fmt >= p->nformats)
			break;
		x.fmt = p->formats[a->fmt].fmt;
		json_array_append_new(items, formatted("printf", do_printf, &x));
		break;
	case DTRACEACT_PRINTA:
		if (a->fmt < 0 || a->fmt >= p->nformats) {
			if (a->aggid == 0 || a->aggid > (uint32_t)as->naggs)
				break;
			it = item("printa");
			json_object_set_new(it, "aggregation",
				agg_obj(json_object(), as, p, a->aggid));
			json_array_append_new(items, it);
		} else {
			const struct dt_format *f = &p->formats[a->fmt];

			x.fmt = f->fmt;
			x.aggids = f->naggs > 0 ? f->aggids : &a->aggid;
			x.naggs = f->naggs > 0 ? f->naggs : 1;
			json_array_append_new(items,
				formatted("printa", do_printa, &x));
		}
		break;
	case DTRACEACT_TRACEMEM:
		it = item("tracemem");
		json_object_set_new(it, "bytes", hexbytes(d, rs));
		json_array_append_new(items, it);
		break;
	case DTRACEACT_STACK:
	case DTRACEACT_USTACK: {
		struct dt_vtype t = { .kind = a->kind == DTRACEACT_STACK ?
				      DT_VK_STACK : DT_VK_USTACK };

		if (a->owner >= 0)
			break;
		it = item(a->kind == DTRACEACT_STACK ? "stack" : "ustack");
		if (a->kind == DTRACEACT_USTACK && rs >= 8) {
			uint64_t pid;

			memcpy(&pid, d, 8);
			json_object_set_new(it, "pid",
					    json_integer((json_int_t)pid));
		}
		json_object_set_new(it, "frames", value(&t, d, rs));
		json_array_append_new(items, it);
		break;
	}
	case DTRACEACT_EXIT: {
		int32_t v = 0;

		if (rs >= 4)
			memcpy(&v, d, 4);
		it = item("exit");
		json_object_set_new(it, "status", json_integer(v));
		json_array_append_new(items, it);
		break;
	}
	default:
		break;
	}
}

void dt_json_end(struct dt_json_rec *r)
{
	if (r == NULL)
		return;
	json_object_set_new(r->obj, "data", r->items);
	emit(r->obj);
	free(r);
}

void dt_json_error(const struct dtrace_errrec *e,
		   const struct dtrace_probedesc *pd, const char *fault)
{
	json_t *o = obj("error");

	json_object_set_new(o, "epid", json_integer(e->epid));
	if (pd) {
		json_object_set_new(o, "id", json_integer(pd->id));
		json_object_set_new(o, "provider", str_n(pd->provider,
							 sizeof(pd->provider)));
		json_object_set_new(o, "module", str_n(pd->mod,
						       sizeof(pd->mod)));
		json_object_set_new(o, "function", str_n(pd->func,
							 sizeof(pd->func)));
		json_object_set_new(o, "name", str_n(pd->name,
						     sizeof(pd->name)));
	}
	json_object_set_new(o, "fault", json_string(fault));
	json_object_set_new(o, "action", json_integer(e->action));
	if (e->difoff != 0xffffffffu)
		json_object_set_new(o, "offset", json_integer(e->difoff));
	if (e->fault == DTRACEFLT_BADADDR || e->fault == DTRACEFLT_BADALIGN ||
	    e->fault == DTRACEFLT_BADSTACK) {
		char a[32];

		snprintf(a, sizeof(a), "0x%llx", (unsigned long long)e->addr);
		json_object_set_new(o, "address", json_string(a));
	}
	emit(o);
}

void dt_json_drop(const char *kind, const char *detail, int cpu,
		  uint64_t count)
{
	json_t *o = obj("drop");

	json_object_set_new(o, "kind", json_string(kind));
	if (cpu >= 0)
		json_object_set_new(o, "cpu", json_integer(cpu));
	if (detail && *detail)
		json_object_set_new(o, "detail", json_string(detail));
	json_object_set_new(o, "count", json_integer((json_int_t)count));
	emit(o);
}
