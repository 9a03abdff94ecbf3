// SPDX-License-Identifier: GPL-2.0
/*
 * dt_print.c - the output primitives of the consumer: traced bytes
 * (trace() of objects, tracemem(), rawbytes), kernel and user stacks,
 * aggregation values (avg, stddev) and DTrace's quantize, lquantize and
 * llquantize histograms.
 *
 * A leaf: the consumer (dt_consume.c), printf() (dt_printf.c) and
 * aggregation printing (dt_aggprint.c) call these, and nothing here calls
 * back into them (tools/check-cmd-layering.sh keeps it so).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cmd.h"

/* ----------------------------------------------------------------------
 * Bytes and strings
 * ---------------------------------------------------------------------- */
void dt_print_escaped(FILE *fp, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && s[i] != '\0'; i++) {
		unsigned char c = s[i];

		switch (c) {
		case '\a': fputs("\\a", fp); break;
		case '\b': fputs("\\b", fp); break;
		case '\f': fputs("\\f", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		case '\v': fputs("\\v", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '"': fputs("\\\"", fp); break;
		default:
			if (isprint(c))
				fputc(c, fp);
			else
				fprintf(fp, "\\%03o", c);
		}
	}
}

void dt_print_rawbytes(FILE *fp, const void *data, size_t len)
{
	const unsigned char *c = data;
	size_t i, j;

	if (len == 0)
		return;
	fprintf(fp, "\n%5s      ", "");
	for (i = 0; i < 16; i++)
		fprintf(fp, "  %c", "0123456789abcdef"[i]);
	fprintf(fp, "  0123456789abcdef\n");
	for (i = 0; i < len; i += 16) {
		fprintf(fp, "%5s%5zx:", "", i);
		for (j = i; j < i + 16 && j < len; j++)
			fprintf(fp, " %02x", c[j]);
		for (; j % 16; j++)
			fputs("   ", fp);
		fputs("  ", fp);
		for (j = i; j < i + 16 && j < len; j++)
			fputc(c[j] < ' ' || c[j] > '~' ? '.' : c[j], fp);
		fputc('\n', fp);
	}
}

void dt_print_bytes(FILE *fp, const void *data, size_t len, int width,
		    int quiet)
{
	const unsigned char *c = data;
	size_t i, j;

	if (len == 0)
		return;
	if (dt_opt.rawbytes) {
		dt_print_rawbytes(fp, data, len);
		return;
	}
	for (i = 0; i < len; i++) {
		if (isprint(c[i]) || isspace(c[i]) || c[i] == '\b' ||
		    c[i] == '\a')
			continue;
		if (c[i] == '\0' && i > 0) {
			/* A string if only NULs follow. */
			for (j = i + 1; j < len; j++)
				if (c[j] != '\0')
					break;
			if (j != len)
				break;
			if (quiet)
				fprintf(fp, "%s", (const char *)c);
			else
				fprintf(fp, "  %-*s", width, (const char *)c);
			return;
		}
		break;
	}
	if (i == len) {
		/* All printable, no NUL: DTrace pads it even when quiet. */
		fprintf(fp, "  %-*.*s", width, (int)len, (const char *)c);
		return;
	}
	dt_print_rawbytes(fp, data, len);
}

/* ----------------------------------------------------------------------
 * Stacks
 * ---------------------------------------------------------------------- */
void dt_print_stack(FILE *fp, const uint64_t *pcs, int depth, int indent,
		    const char *fmt)
{
	char sym[512];
	int i;

	fputc('\n', fp);
	for (i = 0; i < depth; i++) {
		if (pcs[i] == 0)
			break;
		fprintf(fp, "%*s", indent, "");
		dt_ksym_addr(pcs[i], sym, sizeof(sym), 1);
		if (fmt)
			fprintf(fp, fmt, sym);
		else
			fputs(sym, fp);
		fputc('\n', fp);
	}
}

void dt_print_ustack(FILE *fp, const unsigned char *d, uint32_t len,
		     int indent, const char *fmt)
{
	uint64_t pid, depth, i, pc;
	char sym[512];

	if (len < 16)
		return;
	memcpy(&pid, d, 8);
	memcpy(&depth, d + 8, 8);
	if (depth > (len - 16) / 8)
		depth = (len - 16) / 8;
	fputc('\n', fp);
	for (i = 0; i < depth; i++) {
		memcpy(&pc, d + 16 + 8 * i, 8);
		if (pc == 0)
			break;
		dt_usym(pid, pc, sym, sizeof(sym));
		fprintf(fp, "%*s", indent, "");
		fprintf(fp, fmt ? fmt : "%s", sym);
		fputc('\n', fp);
	}
}

/* ----------------------------------------------------------------------
 * Aggregation values
 * ---------------------------------------------------------------------- */
uint32_t dt_agg_nwords(int func, uint64_t arg2)
{
	switch (func) {
	case DTRACEAGG_COUNT:
	case DTRACEAGG_SUM:
	case DTRACEAGG_MIN:
	case DTRACEAGG_MAX:
		return 1;
	case DTRACEAGG_AVG:
		return 2;
	case DTRACEAGG_STDDEV:
		return 4;
	case DTRACEAGG_QUANTIZE:
		return DTRACE_QUANTIZE_NBUCKETS;
	case DTRACEAGG_LQUANTIZE:
		return DTRACE_LQUANTIZE_LEVELS(arg2) + 2;
	case DTRACEAGG_LLQUANTIZE:
		return DTRACE_LLQUANTIZE_NBUCKETS(arg2);
	default:
		return 0;
	}
}

/* Integer square root of a 128-bit value (stddev). */
static uint64_t isqrt128(unsigned __int128 v)
{
	unsigned __int128 r = 0, bit = (unsigned __int128)1 << 126;

	while (bit > v)
		bit >>= 2;
	while (bit) {
		if (v >= r + bit) {
			v -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return (uint64_t)r;
}

/*
 * sqrt(avg(x^2) - avg(x)^2) with DTrace's integer arithmetic: the sum of
 * squares divided by normal and the count, minus the square of the
 * (normalized, truncated) average.
 */
uint64_t dt_stddev(const int64_t *val, uint64_t normal)
{
	unsigned __int128 sq, avgsq;
	int64_t avg;
	uint64_t cnt = (uint64_t)val[0];

	if (cnt == 0 || normal == 0)
		return 0;
	sq = ((unsigned __int128)(uint64_t)val[3] << 64) | (uint64_t)val[2];
	sq = sq / normal / cnt;
	avg = val[1] / (int64_t)normal / (int64_t)cnt;
	if (avg < 0)
		avg = -avg;
	avgsq = (unsigned __int128)(uint64_t)avg * (uint64_t)avg;
	if (avgsq > sq)
		return 0;
	return isqrt128(sq - avgsq);
}

int64_t dt_agg_value(const struct dt_aggdesc *ad, const int64_t *val,
		     uint64_t normal)
{
	int64_t n = normal ? (int64_t)normal : 1;

	switch (ad->func) {
	case DTRACEAGG_AVG:
		return val[0] ? val[1] / n / val[0] : 0;
	case DTRACEAGG_STDDEV:
		return (int64_t)dt_stddev(val, normal);
	default:
		return val[0] / n;
	}
}

/* ----------------------------------------------------------------------
 * Histograms
 * ---------------------------------------------------------------------- */
long double dt_ldabs(long double x)
{
	return x < 0 ? -x : x;
}

static const char ats[] = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";
static const char spaces[] = "                                        ";

/*
 * Add a bucket to the total the bars are scaled against: the sum of the
 * absolute counts, or with aggzoom the largest of them over
 * DT_AGGZOOM_MAX (DTrace's dt_quantize_total()).
 */
void dt_quant_total(int64_t datum, long double *total)
{
	long double v = dt_ldabs((long double)datum);

	if (!dt_opt.aggzoom) {
		*total += v;
		return;
	}
	v *= 1 / DT_AGGZOOM_MAX;
	if (*total < v)
		*total = v;
}

/* One character of U+2580..U+258F as UTF-8. */
void dt_put_block(FILE *fp, unsigned int b)
{
	fprintf(fp, "%c%c%c", 0xe0 | (b >> 12), 0x80 | ((b >> 6) & 0x3f),
		0x80 | (b & 0x3f));
}

/*
 * -x encoding=utf8: a bar of full blocks (U+2588) and one partial block
 * for the remaining eighths (U+258F down to U+2589), DTrace's
 * dt_print_quantline_utf8() (positive counts only).
 */
static void quantline_utf8(FILE *fp, int64_t val, long long n,
			   long double total)
{
	long double f = dt_ldabs((long double)val) * 40 / total;
	unsigned int whole = (unsigned int)f, i;
	unsigned int part = (unsigned int)((f - (long double)whole) * 8);

	fputc('|', fp);
	for (i = 0; i < whole; i++)
		dt_put_block(fp, 0x2588);
	if (part) {
		dt_put_block(fp, 0x258f - (part - 1));
		i++;
	}
	fprintf(fp, "%s %-9lld\n", spaces + i, n);
}

void dt_quantline(FILE *fp, int64_t val, uint64_t normal,
		      long double total, int positives, int negatives)
{
	unsigned int len = 40, depth;
	const char *a = ats, *s = spaces;
	long long n;

	/*
	 * DTrace divides the count by the normalization factor as unsigned
	 * 64-bit numbers: a negative count, once normalized, prints as a
	 * large positive number (the bar keeps its length).
	 */
	n = (long long)((uint64_t)val / (normal ? normal : 1));

	if (!negatives && positives && dt_opt.encoding == DT_ENC_UTF8) {
		quantline_utf8(fp, val, n, total);
		return;
	}
	if (!negatives) {
		depth = positives ? (unsigned int)(dt_ldabs(val) * len / total +
						   0.5) : 0;
		fprintf(fp, "|%s%s %-9lld\n", a + len - depth, s + depth,
			n);
		return;
	}
	if (!positives) {
		depth = (unsigned int)(dt_ldabs(val) * len / total + 0.5);
		fprintf(fp, "%s%s| %-9lld\n", s + depth, a + len - depth,
			n);
		return;
	}
	/* Both signs: half-width bars on either side of a center line. */
	len /= 2;
	a += len;
	s += len;
	depth = (unsigned int)(dt_ldabs(val) * len / total + 0.5);
	if (val <= 0)
		fprintf(fp, "%s%s|%*s %-9lld\n", s + depth, a + len - depth,
			len, "", n);
	else
		fprintf(fp, "%20s|%s%s %-9lld\n", "", a + len - depth,
			s + depth, n);
}

static void quanthdr(FILE *fp)
{
	fprintf(fp, "\n%16s %41s %-9s\n", "value",
		"------------- Distribution -------------", "count");
}

/* First and last rows to print: one zero row around the data. */
static void quantrange(const int64_t *data, int n, int *first, int *last,
		       int none_first, int none_last)
{
	int f = 0, l = n - 1;

	while (f < n - 1 && data[f] == 0)
		f++;
	if (f == n - 1 && data[f] == 0) {
		*first = none_first;
		*last = none_last;
		return;
	}
	if (f > 0)
		f--;
	while (l > 0 && data[l] == 0)
		l--;
	if (l < n - 1)
		l++;
	*first = f;
	*last = l;
}

static void quantsums(const int64_t *data, int first, int last,
		      long double *total, int *pos, int *neg)
{
	int i;

	*total = 0;
	*pos = *neg = 0;
	for (i = first; i <= last; i++) {
		*pos |= data[i] > 0;
		*neg |= data[i] < 0;
		dt_quant_total(data[i], total);
	}
}

int64_t dt_quant_bucketval(int i)
{
	int z = DTRACE_QUANTIZE_ZEROBUCKET;

	if (i < z)
		return -(int64_t)(1ULL << (z - 1 - i));
	if (i == z)
		return 0;
	return (int64_t)(1ULL << (i - z - 1));
}

void dt_print_quantize(FILE *fp, const int64_t *data, uint64_t normal)
{
	int n = DTRACE_QUANTIZE_NBUCKETS, first, last, i, pos, neg;
	long double total;

	quantrange(data, n, &first, &last, DTRACE_QUANTIZE_ZEROBUCKET - 1,
		   DTRACE_QUANTIZE_ZEROBUCKET + 1);
	quantsums(data, first, last, &total, &pos, &neg);
	quanthdr(fp);
	for (i = first; i <= last; i++) {
		fprintf(fp, "%16lld ", (long long)dt_quant_bucketval(i));
		dt_quantline(fp, data[i], normal, total, pos, neg);
	}
}

void dt_print_lquantize(FILE *fp, const int64_t *data, uint64_t arg2,
			uint64_t normal)
{
	int base = DTRACE_LQUANTIZE_BASE(arg2);
	int step = DTRACE_LQUANTIZE_STEP(arg2);
	int levels = DTRACE_LQUANTIZE_LEVELS(arg2);
	int n = levels + 2, first, last, i, pos, neg;
	long double total;
	char c[32];

	quantrange(data, n, &first, &last, 0, n - 1 < 2 ? n - 1 : 2);
	quantsums(data, first, last, &total, &pos, &neg);
	quanthdr(fp);
	for (i = first; i <= last; i++) {
		if (i == 0) {
			snprintf(c, sizeof(c), "< %d", base);
			fprintf(fp, "%16s ", c);
		} else if (i == levels + 1) {
			snprintf(c, sizeof(c), ">= %d", base + levels * step);
			fprintf(fp, "%16s ", c);
		} else {
			fprintf(fp, "%16d ", base + (i - 1) * step);
		}
		dt_quantline(fp, data[i], normal, total, pos, neg);
	}
}

void dt_print_llquantize(FILE *fp, const int64_t *data, uint64_t arg2,
			 uint64_t normal)
{
	int n = (int)DTRACE_LLQUANTIZE_NBUCKETS(arg2), first, last, i;
	int pos, neg;
	long double total;
	char c[40];

	if (n < 2)
		return;
	/* no data: the underflow row and the first bucket, as DTrace */
	quantrange(data, n, &first, &last, 0, 1);
	quantsums(data, first, last, &total, &pos, &neg);
	quanthdr(fp);
	for (i = first; i <= last; i++) {
		if (i == 0) {
			snprintf(c, sizeof(c), "< %lld", (long long)
				 dtrace_llquantize_bucket_min(arg2, 1));
		} else if (i == n - 1) {
			snprintf(c, sizeof(c), ">= %lld", (long long)
				 dtrace_llquantize_bucket_min(arg2, i));
		} else {
			snprintf(c, sizeof(c), "%lld", (long long)
				 dtrace_llquantize_bucket_min(arg2, i));
		}
		fprintf(fp, "%16s ", c);
		dt_quantline(fp, data[i], normal, total, pos, neg);
	}
}
