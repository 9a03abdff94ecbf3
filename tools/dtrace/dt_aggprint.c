// SPDX-License-Identifier: GPL-2.0
/*
 * dt_aggprint.c - aggregations on the consumer side: accumulating the
 * per-CPU delta snapshots of DTRACEIOC_AGGSNAP, clear(), trunc(),
 * normalize(), sorting (aggsortkey, aggsortrev, aggsortpos,
 * aggsortkeypos) and printing, by default, packed (aggpack) or with a
 * printa() format.  The values and DTrace's quantize/lquantize/llquantize
 * histograms themselves are printed by dt_print.c.
 *
 * Entries live in one hash table keyed by (aggid, key bytes) and on a list
 * per aggregation; values are kept in the snapshot layout of dtrace.h
 * section 5 (avg: count, total; stddev: count, total, 128-bit sum of
 * squares; histograms: one count per bucket).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cmd.h"


/* ----------------------------------------------------------------------
 * 128-bit helpers for stddev (values are two's complement lo/hi words)
 * ---------------------------------------------------------------------- */
static void add128(uint64_t *a, const uint64_t *b)
{
	uint64_t lo = a[0] + b[0];

	a[1] += b[1] + (lo < a[0]);
	a[0] = lo;
}

/* ----------------------------------------------------------------------
 * The aggregation table
 * ---------------------------------------------------------------------- */
static uint64_t keyhash(uint32_t aggid, const unsigned char *k, size_t n)
{
	uint64_t h = 1469598103934665603ULL ^ aggid;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= k[i];
		h *= 1099511628211ULL;
	}
	return h;
}

int dt_aggset_init(struct dt_aggset *as, const struct dt_prog *prog)
{
	int i;

	memset(as, 0, sizeof(*as));
	as->nbuckets = 1024;
	as->buckets = calloc(as->nbuckets, sizeof(*as->buckets));
	if (as->buckets == NULL)
		return -1;
	if (prog == NULL || prog->naggs == 0)
		return 0;
	as->aggs = calloc(prog->naggs, sizeof(*as->aggs));
	if (as->aggs == NULL)
		return -1;
	as->naggs = prog->naggs;
	for (i = 0; i < prog->naggs; i++) {
		const struct dt_agg *a = &prog->aggs[i];
		struct dt_aggdesc *d = &as->aggs[i];

		d->id = i + 1;
		d->func = a->func;
		d->arg2 = a->arg2;
		d->nkeys = a->nkeys;
		d->keytypes = a->keytypes;
		d->keyoffs = a->keyoffs;
		d->keysizes = a->keysizes;
		d->keysize = a->keysize;
		d->valsize = dt_agg_nwords(a->func, a->arg2) * 8;
		d->normal = 1;
	}
	return 0;
}

static void ent_free(struct dt_aggent *e)
{
	free(e->key);
	free(e->val);
	free(e);
}

void dt_aggset_fini(struct dt_aggset *as)
{
	int i;

	for (i = 0; i < as->naggs; i++) {
		struct dt_aggent *e, *n;

		for (e = as->aggs[i].ents; e; e = n) {
			n = e->next;
			ent_free(e);
		}
	}
	free(as->aggs);
	free(as->buckets);
	memset(as, 0, sizeof(*as));
}

static void hash_remove(struct dt_aggset *as, struct dt_aggent *e)
{
	struct dt_aggent **pp = &as->buckets[e->hash % as->nbuckets];

	while (*pp && *pp != e)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = e->hnext;
}

static void val_init(const struct dt_aggdesc *d, int64_t *v)
{
	memset(v, 0, d->valsize);
	if (d->func == DTRACEAGG_MIN)
		v[0] = INT64_MAX;
	else if (d->func == DTRACEAGG_MAX)
		v[0] = INT64_MIN;
}

static void val_merge(const struct dt_aggdesc *d, int64_t *v,
		      const int64_t *delta, uint32_t nwords)
{
	uint32_t i;

	switch (d->func) {
	case DTRACEAGG_MIN:
		if (delta[0] < v[0])
			v[0] = delta[0];
		break;
	case DTRACEAGG_MAX:
		if (delta[0] > v[0])
			v[0] = delta[0];
		break;
	case DTRACEAGG_STDDEV:
		v[0] += delta[0];
		v[1] += delta[1];
		add128((uint64_t *)&v[2], (const uint64_t *)&delta[2]);
		break;
	default:
		for (i = 0; i < nwords; i++)
			v[i] += delta[i];
	}
}

int dt_aggset_merge(struct dt_aggset *as, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t off = 0;

	while (off + sizeof(struct dtrace_aggrec) <= len) {
		struct dtrace_aggrec r;
		struct dt_aggdesc *d;
		struct dt_aggent *e;
		const unsigned char *key;
		int64_t *delta;
		uint32_t kpad, nwords;
		uint64_t h;

		memcpy(&r, p + off, sizeof(r));
		kpad = (r.keysize + 7) & ~7u;
		if (r.size < sizeof(r) || r.size % 8 || r.size > len - off ||
		    (uint64_t)sizeof(r) + kpad + r.valsize > r.size ||
		    r.aggid == 0 || r.aggid > (uint32_t)as->naggs)
			return -1;
		d = &as->aggs[r.aggid - 1];
		nwords = d->valsize / 8;
		if (r.valsize != d->valsize || (d->keysize &&
						r.keysize != d->keysize))
			return -1;
		key = p + off + sizeof(r);
		delta = malloc(d->valsize ? d->valsize : 8);
		if (delta == NULL)
			return -1;
		memcpy(delta, key + kpad, d->valsize);
		if (d->keysize == 0)
			d->keysize = r.keysize;

		h = keyhash(r.aggid, key, r.keysize);
		for (e = as->buckets[h % as->nbuckets]; e; e = e->hnext)
			if (e->hash == h && e->aggid == r.aggid &&
			    memcmp(e->key, key, r.keysize) == 0)
				break;
		if (e == NULL) {
			e = calloc(1, sizeof(*e));
			if (e == NULL) {
				free(delta);
				return -1;
			}
			e->key = malloc(r.keysize ? r.keysize : 1);
			e->val = malloc(d->valsize ? d->valsize : 8);
			if (e->key == NULL || e->val == NULL) {
				ent_free(e);
				free(delta);
				return -1;
			}
			memcpy(e->key, key, r.keysize);
			e->aggid = r.aggid;
			val_init(d, e->val);
			e->hash = h;
			e->hnext = as->buckets[h % as->nbuckets];
			as->buckets[h % as->nbuckets] = e;
			e->next = d->ents;
			d->ents = e;
			d->nents++;
		}
		val_merge(d, e->val, delta, nwords);
		free(delta);
		off += r.size;
	}
	return off == len ? 0 : -1;
}

void dt_agg_clear(struct dt_aggset *as, uint32_t aggid)
{
	struct dt_aggdesc *d;
	struct dt_aggent *e;

	if (aggid == 0 || aggid > (uint32_t)as->naggs)
		return;
	d = &as->aggs[aggid - 1];
	for (e = d->ents; e; e = e->next) {
		memset(e->val, 0, d->valsize);
		if (d->func == DTRACEAGG_MIN)
			e->val[0] = INT64_MAX;
		else if (d->func == DTRACEAGG_MAX)
			e->val[0] = INT64_MIN;
	}
}

void dt_agg_normalize(struct dt_aggset *as, uint32_t aggid, uint64_t n)
{
	if (aggid == 0 || aggid > (uint32_t)as->naggs)
		return;
	as->aggs[aggid - 1].normal = n ? n : 1;
}

/* ----------------------------------------------------------------------
 * Sorting
 * ---------------------------------------------------------------------- */
static int cmp64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int cmpld(long double a, long double b)
{
	return a < b ? -1 : a > b;
}

/*
 * The value a histogram sorts by (DTrace's dt_aggregate_*quantizedcmp): each
 * bucket's count times a weight, the weight being the bucket's value; the
 * underflow bucket weighs one less than the lowest value and the overflow
 * bucket of lquantize() one more than the highest.  Ties go to the count at
 * zero: the zero bucket's, the bucket whose weight is zero for lquantize(),
 * the underflow bucket's for llquantize().
 */
static long double quantsum(const struct dt_aggdesc *d, const int64_t *v,
			    int64_t *zero)
{
	long double t = 0;
	uint32_t i, n = d->valsize / 8;

	*zero = 0;
	if (d->func == DTRACEAGG_LLQUANTIZE && n)
		*zero = v[0];
	for (i = 0; i < n; i++) {
		long double bv;

		switch (d->func) {
		case DTRACEAGG_QUANTIZE:
			bv = dt_quant_bucketval(i);
			if ((int)i == DTRACE_QUANTIZE_ZEROBUCKET)
				*zero = v[i];
			break;
		case DTRACEAGG_LQUANTIZE: {
			int base = DTRACE_LQUANTIZE_BASE(d->arg2);
			int step = DTRACE_LQUANTIZE_STEP(d->arg2);

			if (i == 0)
				bv = base - 1;
			else if (i == n - 1)
				bv = base + (long double)(i - 1) * step + 1;
			else
				bv = base + (long double)(i - 1) * step;
			if (bv == 0)
				*zero = v[i];
			break;
		}
		default:
			bv = (long double)dtrace_llquantize_bucket_min(d->arg2,
							i ? i : 1) - (i == 0);
			break;
		}
		t += bv * v[i];
	}
	return t;
}

static int valcmp(const struct dt_aggdesc *d, const int64_t *a,
		  const int64_t *b)
{
	switch (d->func) {
	case DTRACEAGG_AVG: {
		long double x = a[0] ? (long double)a[1] / a[0] : 0;
		long double y = b[0] ? (long double)b[1] / b[0] : 0;

		return cmpld(x, y);
	}
	case DTRACEAGG_STDDEV: {
		uint64_t x = dt_stddev(a, 1), y = dt_stddev(b, 1);

		return x < y ? -1 : x > y;
	}
	case DTRACEAGG_QUANTIZE:
	case DTRACEAGG_LQUANTIZE:
	case DTRACEAGG_LLQUANTIZE: {
		int64_t za, zb;
		long double x = quantsum(d, a, &za), y = quantsum(d, b, &zb);
		int r = cmpld(x, y);

		return r ? r : cmp64(za, zb);
	}
	default:
		return cmp64(a[0], b[0]);
	}
}

static uint64_t key_uint(const struct dt_vtype *t, const unsigned char *p)
{
	uint64_t v = 0;

	memcpy(&v, p, 8);
	switch (t->size) {
	case 1:
		return (uint8_t)v;
	case 2:
		return (uint16_t)v;
	case 4:
		return (uint32_t)v;
	default:
		return v;
	}
}

static int keycmp1(const struct dt_aggdesc *d, int k, const unsigned char *a,
		   const unsigned char *b)
{
	const struct dt_vtype *t = &d->keytypes[k];
	uint32_t off = d->keyoffs[k], sz = d->keysizes[k];

	if (off + sz > d->keysize)
		return 0;
	if (t->kind == DT_VK_INT || t->kind == DT_VK_PTR) {
		uint64_t x, y;

		if (sz < 8)
			return 0;
		x = key_uint(t, a + off);
		y = key_uint(t, b + off);
		return x < y ? -1 : x > y;
	}
	return memcmp(a + off, b + off, sz) < 0 ? -1 :
		memcmp(a + off, b + off, sz) > 0;
}

static int keycmp(const struct dt_aggdesc *d, const unsigned char *a,
		  const unsigned char *b)
{
	int i, n = d->nkeys, start = 0, r;

	if (dt_opt.aggsortkeypos > 0 && dt_opt.aggsortkeypos < n)
		start = (int)dt_opt.aggsortkeypos;
	for (i = 0; i < n; i++) {
		r = keycmp1(d, (start + i) % n, a, b);
		if (r)
			return r;
	}
	if (n == 0 && d->keysize)
		return memcmp(a, b, d->keysize) < 0 ? -1 :
			memcmp(a, b, d->keysize) > 0;
	return 0;
}

/* A row: one key and the value of each aggregation (NULL = absent). */
struct row {
	const unsigned char *key;
	const int64_t **vals;
};

struct sortctx {
	const struct dt_aggdesc **ds;
	int n;
	int64_t **zero;
};

static struct sortctx *g_sort;

static int rowcmp(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int pos = 0, r, vr, kr;
	const struct dt_aggdesc *d;
	const int64_t *va, *vb;

	if (dt_opt.aggsortpos > 0 && dt_opt.aggsortpos < g_sort->n)
		pos = (int)dt_opt.aggsortpos;
	d = g_sort->ds[pos];
	va = a->vals[pos] ? a->vals[pos] : g_sort->zero[pos];
	vb = b->vals[pos] ? b->vals[pos] : g_sort->zero[pos];
	vr = valcmp(d, va, vb);
	kr = keycmp(g_sort->ds[0], a->key, b->key);
	if (dt_opt.aggsortkey)
		r = kr ? kr : vr;
	else
		r = vr ? vr : kr;
	return dt_opt.aggsortrev ? -r : r;
}

/*
 * Build the sorted rows of aggregations ids[0..n-1] (joined on the key, as
 * printa() with several aggregations does).
 */
static struct row *build_rows(struct dt_aggset *as, const uint32_t *ids,
			      int n, size_t *nrows, struct sortctx *ctx)
{
	struct row *rows = NULL;
	size_t cnt = 0, cap = 0, i;
	int j;

	ctx->n = n;
	ctx->ds = calloc(n, sizeof(*ctx->ds));
	ctx->zero = calloc(n, sizeof(*ctx->zero));
	if (ctx->ds == NULL || ctx->zero == NULL)
		return NULL;
	for (j = 0; j < n; j++) {
		ctx->ds[j] = &as->aggs[ids[j] - 1];
		ctx->zero[j] = calloc(1, ctx->ds[j]->valsize + 8);
		if (ctx->zero[j] == NULL)
			return NULL;
	}
	for (j = 0; j < n; j++) {
		const struct dt_aggdesc *d = ctx->ds[j];
		struct dt_aggent *e;

		for (e = d->ents; e; e = e->next) {
			for (i = 0; i < cnt; i++)
				if (j > 0 && memcmp(rows[i].key, e->key,
						    d->keysize) == 0)
					break;
			if (i == cnt || j == 0) {
				if (cnt == cap) {
					struct row *nr;

					cap = cap ? cap * 2 : 64;
					nr = realloc(rows, cap * sizeof(*rows));
					if (nr == NULL)
						goto fail;
					rows = nr;
				}
				rows[cnt].key = e->key;
				rows[cnt].vals = calloc(n, sizeof(int64_t *));
				if (rows[cnt].vals == NULL)
					goto fail;
				i = cnt++;
			}
			rows[i].vals[j] = e->val;
		}
	}
	g_sort = ctx;
	if (cnt)
		qsort(rows, cnt, sizeof(*rows), rowcmp);
	*nrows = cnt;
	return rows ? rows : calloc(1, sizeof(*rows));
fail:
	for (i = 0; i < cnt; i++)
		free(rows[i].vals);
	free(rows);
	return NULL;
}

static void free_rows(struct row *rows, size_t n, struct sortctx *ctx)
{
	size_t i;
	int j;

	for (i = 0; rows && i < n; i++)
		free(rows[i].vals);
	free(rows);
	for (j = 0; ctx->zero && j < ctx->n; j++)
		free(ctx->zero[j]);
	free(ctx->zero);
	free(ctx->ds);
}

void dt_agg_trunc(struct dt_aggset *as, uint32_t aggid, int64_t n)
{
	struct dt_aggdesc *d;
	struct sortctx ctx = { 0 };
	struct row *rows;
	size_t nrows = 0, i, keep;
	int saverev = dt_opt.aggsortrev, savekey = dt_opt.aggsortkey;
	int64_t savepos = dt_opt.aggsortpos;

	if (aggid == 0 || aggid > (uint32_t)as->naggs)
		return;
	d = &as->aggs[aggid - 1];
	/* Top n: by value, largest first; bottom: smallest first. */
	dt_opt.aggsortrev = n >= 0;
	dt_opt.aggsortkey = 0;
	dt_opt.aggsortpos = 0;
	rows = build_rows(as, &aggid, 1, &nrows, &ctx);
	dt_opt.aggsortrev = saverev;
	dt_opt.aggsortkey = savekey;
	dt_opt.aggsortpos = savepos;
	if (rows == NULL) {
		free_rows(NULL, 0, &ctx);
		return;
	}
	keep = (size_t)(n < 0 ? -n : n);
	for (i = keep; i < nrows; i++) {
		struct dt_aggent **pp;

		for (pp = &d->ents; *pp; pp = &(*pp)->next) {
			if ((*pp)->key == rows[i].key) {
				struct dt_aggent *e = *pp;

				*pp = e->next;
				hash_remove(as, e);
				ent_free(e);
				d->nents--;
				break;
			}
		}
	}
	free_rows(rows, nrows, &ctx);
}

/* ----------------------------------------------------------------------
 * Printing
 * ---------------------------------------------------------------------- */
/*
 * A string key in agghist/aggpack rows: right-aligned in 16 columns, as
 * DTrace's dt_print_bytes() prints it with the packed width; anything that
 * is not a NUL-terminated string prints as by default.
 */
static void print_packed_str(FILE *fp, const unsigned char *c, size_t len)
{
	size_t i, j;

	for (i = 0; i < len; i++)
		if (!(isprint(c[i]) || isspace(c[i]) || c[i] == '\b' ||
		      c[i] == '\a'))
			break;
	if (i > 0 && i < len && c[i] == '\0') {
		for (j = i + 1; j < len && c[j] == '\0'; j++)
			;
		if (j == len) {
			fprintf(fp, " %16s", (const char *)c);
			return;
		}
	}
	dt_print_bytes(fp, c, len, 16, 0);
}

static void print_key(FILE *fp, const struct dt_aggdesc *d,
		      const unsigned char *key, int packed)
{
	int k;

	for (k = 0; k < d->nkeys; k++) {
		const struct dt_vtype *t = &d->keytypes[k];
		uint32_t off = d->keyoffs[k], sz = d->keysizes[k];
		uint64_t v = 0;

		if (off + sz > d->keysize)
			continue;
		if (t->kind == DT_VK_STACK && sz >= 8) {
			uint64_t depth;

			memcpy(&depth, key + off, 8);
			if (depth > (sz - 8) / 8)
				depth = (sz - 8) / 8;
			dt_print_stack(fp, (const uint64_t *)(const void *)
				       (key + off + 8), (int)depth,
				       (int)dt_opt.stackindent, NULL);
			continue;
		}
		if (t->kind == DT_VK_USTACK) {
			dt_print_ustack(fp, key + off, sz,
					(int)dt_opt.stackindent, NULL);
			continue;
		}
		if (t->kind != DT_VK_INT && t->kind != DT_VK_PTR) {
			if (packed)
				print_packed_str(fp, key + off, sz);
			else
				dt_print_bytes(fp, key + off, sz, 50, 0);
			continue;
		}
		memcpy(&v, key + off, sz < 8 ? sz : 8);
		switch (t->size) {
		case 1:
			fprintf(fp, " %3d", (uint8_t)v);
			break;
		case 2:
			fprintf(fp, " %5d", (uint16_t)v);
			break;
		case 4:
			fprintf(fp, " %8d", (int32_t)(uint32_t)v);
			break;
		default:
			fprintf(fp, " %16lld", (long long)v);
		}
	}
}

static void print_value(FILE *fp, const struct dt_aggdesc *d,
			const int64_t *v)
{
	int64_t n = d->normal ? (int64_t)d->normal : 1;

	switch (d->func) {
	case DTRACEAGG_QUANTIZE:
		dt_print_quantize(fp, v, d->normal);
		break;
	case DTRACEAGG_LQUANTIZE:
		dt_print_lquantize(fp, v, d->arg2, d->normal);
		break;
	case DTRACEAGG_LLQUANTIZE:
		dt_print_llquantize(fp, v, d->arg2, d->normal);
		break;
	case DTRACEAGG_AVG:
		fprintf(fp, " %16lld", (long long)(v[0] ? v[1] / n / v[0] : 0));
		break;
	case DTRACEAGG_STDDEV:
		fprintf(fp, " %16llu", (unsigned long long)
			(v[0] ? dt_stddev(v, d->normal) : 0));
		break;
	default:
		/* unsigned division, as DTrace: see dt_quantline() */
		fprintf(fp, " %16lld", (long long)((uint64_t)v[0] /
						  (uint64_t)n));
	}
}

/* ----------------------------------------------------------------------
 * agghist and aggpack (DTrace's dt_consume.c and dt_aggregate.c): keys in
 * their packed widths under one heading per aggregation, then a sum() or
 * count() as a histogram bar scaled against the whole aggregation, or a
 * quantize()/lquantize() on one line over the buckets any row uses.
 * ---------------------------------------------------------------------- */

/* Columns of a key in a packed row: by its size, 16 for strings. */
static int packed_width(const struct dt_aggdesc *d)
{
	int k, w = 0;

	for (k = 0; k < d->nkeys; k++) {
		const struct dt_vtype *t = &d->keytypes[k];
		uint32_t sz = t->size;	/* as print_key() prints it */

		if (t->kind == DT_VK_INT || t->kind == DT_VK_PTR)
			w += (sz == 1 ? 3 : sz == 2 ? 5 : sz == 4 ? 8 : 16) + 1;
		else
			w += 16 + 1;
	}
	return w;
}

/* DTrace's dt_ndigits(): the width of a bucket label, at least 4. */
static int ndigits(long long val)
{
	int r = 1;
	long long cmp = 10;

	if (val < 0) {
		val = val == INT64_MIN ? INT64_MAX : -val;
		r++;
	}
	while (val > cmp && cmp > 0) {
		r++;
		cmp *= 10;
	}
	return r < 4 ? 4 : r;
}

/*
 * UTF-8 blocks for packed bars unless -x encoding=ascii, or the terminal
 * is one DTrace knows cannot show them (TERM sun, sun-color, dumb); with
 * no TERM at all (where DTrace's test reads a null pointer), ASCII.
 */
static int packed_utf8(void)
{
	const char *term;

	if (dt_opt.encoding != DT_ENC_UNSET)
		return dt_opt.encoding == DT_ENC_UTF8;
	term = getenv("TERM");
	if (term == NULL)
		return 0;
	return strcmp(term, "sun") && strcmp(term, "sun-color") &&
	       strcmp(term, "dumb");
}

/* One bucket of a packed row (DTrace's dt_print_packed()). */
static void print_packed(FILE *fp, long double datum, long double total,
			 int utf8)
{
	static const char ascii[] = "__xxxxXX", neg[] = "vvvvVV";
	long double v;

	if (datum == 0) {
		fputc(' ', fp);
		return;
	}
	if (datum < 0) {
		v = dt_ldabs(datum * (sizeof(neg) - 2)) / total;
		fputc(neg[(unsigned int)(v + 0.5)], fp);
		return;
	}
	if (utf8) {
		dt_put_block(fp, 0x2581 + (unsigned int)(datum * 7 / total +
						      0.5));
		return;
	}
	v = datum * (sizeof(ascii) - 2) / total;
	fputc(ascii[(unsigned int)(v + 0.5)], fp);
}

/* Packed quantize(): buckets min..max, from below the lowest used. */
static void quant_minmax(const struct dt_aggdesc *d, const struct row *rows,
			 size_t nrows, int *minp, int *maxp)
{
	int mn = -1, mx = -1, i;
	size_t r;

	for (r = 0; r < nrows; r++) {
		const int64_t *v = rows[r].vals[0];
		int lo = -1, hi = -1;

		for (i = 0; i < (int)DTRACE_QUANTIZE_NBUCKETS; i++) {
			if (!v[i])
				continue;
			if (lo == -1)
				lo = i;
			hi = i;
		}
		if (lo == -1)
			lo = hi = DTRACE_QUANTIZE_ZEROBUCKET;
		if (mn == -1 || lo < mn)
			mn = lo;
		if (hi > mx)
			mx = hi;
	}
	if (mn != 0 && mn != DTRACE_QUANTIZE_ZEROBUCKET)
		mn--;
	if (mx < (int)DTRACE_QUANTIZE_NBUCKETS - 1)
		mx++;
	*minp = mn;
	*maxp = mx;
	(void)d;
}

static void print_pack_hdr(FILE *fp, const struct dt_aggdesc *d, int width,
			   int mn, int mx)
{
	int minw, maxw, i;

	if (d->func == DTRACEAGG_QUANTIZE) {
		minw = ndigits(dt_quant_bucketval(mn));
		maxw = ndigits(dt_quant_bucketval(mx));
	} else {
		/* lquantize: every bucket, underflow to overflow */
		maxw = 8;
		minw = 7;
		mn = 0;
		mx = DTRACE_LQUANTIZE_LEVELS(d->arg2) + 1;
	}
	fprintf(fp, "\n%*s %*s .", width, width > 0 ? "key" : "", minw, "min");
	for (i = mn; i <= mx; i++)
		fputc('-', fp);
	fprintf(fp, ". %*s | count\n", -maxw, "max");
}

static void print_pack_row(FILE *fp, const struct dt_aggdesc *d,
			   const int64_t *v, int mn, int mx, int utf8)
{
	long double total = 0, count = 0;
	char c[32];
	int i;

	if (d->func == DTRACEAGG_LQUANTIZE) {
		int base = DTRACE_LQUANTIZE_BASE(d->arg2);
		int step = DTRACE_LQUANTIZE_STEP(d->arg2);
		int levels = DTRACE_LQUANTIZE_LEVELS(d->arg2);

		mn = 0;
		mx = levels + 1;
		snprintf(c, sizeof(c), "< %d", base);
		fprintf(fp, "%8s :", c);
		for (i = mn; i <= mx; i++) {
			dt_quant_total(v[i], &total);
			count += v[i];
		}
		for (i = mn; i <= mx; i++)
			print_packed(fp, v[i], total, utf8);
		snprintf(c, sizeof(c), ">= %d", base + levels * step);
		fprintf(fp, ": %-8s | %lld\n", c, (long long)count);
		return;
	}
	fprintf(fp, " %*lld :", ndigits(dt_quant_bucketval(mn)),
		(long long)dt_quant_bucketval(mn));
	for (i = mn; i <= mx; i++) {
		dt_quant_total(v[i], &total);
		count += v[i];
	}
	for (i = mn; i <= mx; i++)
		print_packed(fp, v[i], total, utf8);
	fprintf(fp, ": %*lld | %lld\n", -ndigits(dt_quant_bucketval(mx)),
		(long long)dt_quant_bucketval(mx), (long long)count);
}

/*
 * agghist: the total every bar is scaled against, over all rows (DTrace's
 * dt_aggregate_total()): the sum of the absolute values, or with aggzoom
 * the largest over DT_AGGZOOM_MAX, truncated as DTrace truncates it.
 */
static long double hist_total(const struct row *rows, size_t nrows,
			      int *pos, int *neg)
{
	long double total = 0;
	size_t r;

	*pos = *neg = 0;
	for (r = 0; r < nrows; r++) {
		int64_t val = rows[r].vals[0][0];

		if (val > 0)
			*pos = 1;
		if (val < 0) {
			*neg = 1;
			val = -val;
		}
		if (dt_opt.aggzoom) {
			val = (int64_t)((long double)val *
					(1 / DT_AGGZOOM_MAX));
			if (val > total)
				total = val;
		} else {
			total += val;
		}
	}
	return total;
}

static void print_packed_agg(FILE *fp, const struct dt_aggdesc *d,
			     const struct row *rows, size_t nrows, int hist)
{
	int width = packed_width(d), pos, neg, mn = 0, mx = 0;
	int utf8 = packed_utf8();
	long double total = 0;
	size_t r;

	if (nrows == 0)
		return;
	if (hist) {
		total = hist_total(rows, nrows, &pos, &neg);
		fprintf(fp, "\n%*s %41s %-9s\n", width ? width : 16,
			width ? "key" : "value",
			"------------- Distribution -------------", "count");
	} else {
		if (d->func == DTRACEAGG_QUANTIZE)
			quant_minmax(d, rows, nrows, &mn, &mx);
		print_pack_hdr(fp, d, width, mn, mx);
	}
	for (r = 0; r < nrows; r++) {
		print_key(fp, d, rows[r].key, 1);
		if (hist) {
			fputc(' ', fp);
			dt_quantline(fp, rows[r].vals[0][0], d->normal, total,
				  pos, neg);
		} else {
			print_pack_row(fp, d, rows[r].vals[0], mn, mx, utf8);
		}
	}
}

void dt_agg_print(FILE *fp, struct dt_aggset *as, uint32_t aggid)
{
	struct sortctx ctx = { 0 };
	struct row *rows;
	size_t nrows = 0, i;
	const struct dt_aggdesc *d;
	int hist, pack;

	if (aggid == 0 || aggid > (uint32_t)as->naggs)
		return;
	d = &as->aggs[aggid - 1];
	hist = dt_opt.agghist && (d->func == DTRACEAGG_COUNT ||
				  d->func == DTRACEAGG_SUM);
	pack = dt_opt.aggpack && (d->func == DTRACEAGG_QUANTIZE ||
				  d->func == DTRACEAGG_LQUANTIZE);
	rows = build_rows(as, &aggid, 1, &nrows, &ctx);
	if (rows && (hist || pack)) {
		print_packed_agg(fp, d, rows, nrows, hist);
		free_rows(rows, nrows, &ctx);
		return;
	}
	for (i = 0; rows && i < nrows; i++) {
		print_key(fp, d, rows[i].key, 0);
		print_value(fp, d, rows[i].vals[0]);
		fputc('\n', fp);
	}
	free_rows(rows, nrows, &ctx);
}

int dt_agg_printa(FILE *fp, struct dt_aggset *as, const char *fmt,
		  const uint32_t *aggids, int naggs)
{
	struct sortctx ctx = { 0 };
	struct row *rows;
	size_t nrows = 0, i;
	const struct dt_aggdesc *d0;
	struct dt_pfarg *args, *vals;
	int j, rc = 0;
	char err[256];

	for (j = 0; j < naggs; j++)
		if (aggids[j] == 0 || aggids[j] > (uint32_t)as->naggs)
			return -1;
	if (naggs == 0)
		return -1;
	d0 = &as->aggs[aggids[0] - 1];
	rows = build_rows(as, aggids, naggs, &nrows, &ctx);
	args = calloc(d0->nkeys + 1, sizeof(*args));
	vals = calloc(naggs, sizeof(*vals));
	if (rows == NULL || args == NULL || vals == NULL) {
		rc = -1;
		goto out;
	}
	for (i = 0; i < nrows; i++) {
		for (j = 0; j < d0->nkeys; j++) {
			uint32_t off = d0->keyoffs[j], sz = d0->keysizes[j];

			if (off + sz > d0->keysize)
				sz = off < d0->keysize ? d0->keysize - off : 0;
			dt_pfarg_from_rec(&args[j], &d0->keytypes[j],
					  rows[i].key + off, sz);
		}
		for (j = 0; j < naggs; j++) {
			vals[j].kind = DT_PF_AGG;
			vals[j].agg = ctx.ds[j];
			vals[j].val = rows[i].vals[j] ? rows[i].vals[j] :
				ctx.zero[j];
			vals[j].normal = ctx.ds[j]->normal;
		}
		if (dt_printf_format(fp, fmt, args, d0->nkeys, vals, naggs,
				     err, sizeof(err)) < 0) {
			if (strncmp(err, "printf", 6) == 0)
				dt_error("printa%s\n", err + 6);
			else
				dt_error("%s\n", err);
			rc = -1;
			break;
		}
	}
	for (j = 0; j < naggs; j++)
		as->aggs[aggids[j] - 1].printed = 1;
out:
	free(args);
	free(vals);
	free_rows(rows, nrows, &ctx);
	return rc;
}

void dt_agg_print_all(FILE *fp, struct dt_aggset *as)
{
	int i;

	for (i = 0; i < as->naggs; i++) {
		if (as->aggs[i].printed || as->aggs[i].nents == 0)
			continue;
		dt_agg_print(fp, as, i + 1);
	}
}

/*
 * fn(d, key, value, arg) for each row of aggregation aggid, in the order
 * dt_agg_print() prints them (-x oformat=json, dt_json.c).
 */
void dt_agg_foreach(struct dt_aggset *as, uint32_t aggid,
		    void (*fn)(const struct dt_aggdesc *d,
			       const unsigned char *key, const int64_t *val,
			       void *arg), void *arg)
{
	struct sortctx ctx = { 0 };
	struct row *rows;
	size_t nrows = 0, i;

	if (aggid == 0 || aggid > (uint32_t)as->naggs)
		return;
	rows = build_rows(as, &aggid, 1, &nrows, &ctx);
	for (i = 0; rows && i < nrows; i++)
		fn(&as->aggs[aggid - 1], rows[i].key, rows[i].vals[0], arg);
	free_rows(rows, nrows, &ctx);
}
