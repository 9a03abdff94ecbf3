// SPDX-License-Identifier: GPL-2.0
/*
 * dt_printf.c - DTrace's printf(): conversions, flags, widths and the
 * DTrace-specific conversions (%a %A %I %k %P %S %T %Y %@).  Traced bytes,
 * stacks and aggregation values are printed by dt_print.c, which this file
 * calls and which never calls back.
 *
 * A format is parsed each time it is used: conversions are rare compared
 * with the cost of the output itself, and parsing here keeps the consumer
 * independent of how the compiler stores formats.  Numbers are finally
 * rendered by the C library from a conversion spec we rebuild, so width,
 * precision and flags behave as in C; the value's width comes from its D
 * type, as in DTrace (the compiler gives every argument's type).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "dt_cmd.h"

#define PF_ALT		0x01
#define PF_ZPAD		0x02
#define PF_LEFT		0x04
#define PF_SPOS		0x08
#define PF_GROUP	0x10
#define PF_SPACE	0x20
#define PF_DYNWIDTH	0x40
#define PF_DYNPREC	0x80
#define PF_AGG		0x100

struct pfspec {
	unsigned int flags;
	int width;
	int prec;
	int dot;
	char len[4];		/* h, hh, l, ll, L, w */
	char conv;
};

static void pf_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void pf_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/*
 * %I: the host name of an IPv4 or IPv6 address given as text, else the
 * text itself (DTrace's pfprint_inetaddr()).
 */
static const char *pf_inetaddr(const char *s, char *host, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl;

	memset(&ss, 0, sizeof(ss));
	if (strchr(s, ':') == NULL) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;

		if (inet_pton(AF_INET, s, &in->sin_addr) != 1)
			return s;
		in->sin_family = AF_INET;
		sl = sizeof(*in);
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

		if (inet_pton(AF_INET6, s, &in6->sin6_addr) != 1)
			return s;
		in6->sin6_family = AF_INET6;
		sl = sizeof(*in6);
	}
	if (getnameinfo((struct sockaddr *)&ss, sl, host, (socklen_t)len,
			NULL, 0, NI_NAMEREQD) != 0)
		return s;
	return host;
}

/*
 * %P: the service name of a port in host byte order, else its number
 * (DTrace's pfprint_port()).
 */
static void pf_port(uint16_t port, char *buf, size_t len)
{
	struct servent *sv = getservbyport(htons(port), NULL);

	if (sv != NULL)
		snprintf(buf, len, "%s", sv->s_name);
	else
		snprintf(buf, len, "%d", port);
}

/* Parse the spec after '%'; returns the pointer past it or NULL. */
static const char *pf_parse(const char *p, struct pfspec *s)
{
	size_t nlen = 0;

	memset(s, 0, sizeof(*s));
	for (;;) {
		char c = *p;

		switch (c) {
		case '#':
			s->flags |= PF_ALT;
			break;
		case '-':
			s->flags |= PF_LEFT;
			s->flags &= ~PF_ZPAD;
			break;
		case '+':
			s->flags |= PF_SPOS;
			break;
		case ' ':
			s->flags |= PF_SPACE;
			break;
		case '\'':
			s->flags |= PF_GROUP;
			break;
		case '@':
			s->flags |= PF_AGG;
			break;
		case '?':
			s->width = 16;
			break;
		case '*':
			s->flags |= s->dot ? PF_DYNPREC : PF_DYNWIDTH;
			break;
		case '.':
			if (s->dot++)
				return NULL;
			break;
		case '0':
			if (!s->dot && s->width == 0) {
				if (!(s->flags & PF_LEFT))
					s->flags |= PF_ZPAD;
				break;
			}
			/* fall through */
		case '1': case '2': case '3': case '4':
		case '5': case '6': case '7': case '8': case '9': {
			int n = 0;

			while (isdigit((unsigned char)*p))
				n = n * 10 + (*p++ - '0');
			if (s->dot)
				s->prec = n;
			else
				s->width = n;
			continue;
		}
		case 'h': case 'l': case 'L': case 'w':
			if (nlen < sizeof(s->len) - 1)
				s->len[nlen++] = c;
			break;
		case '\0':
			return NULL;
		default:
			s->conv = c;
			return p + 1;
		}
		p++;
	}
}

/* Build "%<flags><width>.<prec>" into buf. */
static void pf_build(char *buf, size_t len, unsigned int flags, int width,
		     int prec, const char *lenmod, char conv)
{
	char *f = buf;
	char *end = buf + len;

	*f++ = '%';
	if (flags & PF_ALT)
		*f++ = '#';
	if (flags & PF_ZPAD)
		*f++ = '0';
	if (flags & PF_LEFT)
		*f++ = '-';
	if (flags & PF_SPOS)
		*f++ = '+';
	if (flags & PF_GROUP)
		*f++ = '\'';
	if (flags & PF_SPACE)
		*f++ = ' ';
	if (width != 0)
		f += snprintf(f, end - f, "%d", width < 0 ? -width : width);
	/* DTrace only passes a precision greater than zero on. */
	if (prec > 0)
		f += snprintf(f, end - f, ".%d", prec);
	f += snprintf(f, end - f, "%s%c", lenmod, conv);
}

static int64_t pf_sval(const struct dt_pfarg *a)
{
	switch (a->size) {
	case 1:
		return (int8_t)a->ival;
	case 2:
		return (int16_t)a->ival;
	case 4:
		return (int32_t)a->ival;
	default:
		return (int64_t)a->ival;
	}
}

static uint64_t pf_uval(const struct dt_pfarg *a)
{
	switch (a->size) {
	case 1:
		return (uint8_t)a->ival;
	case 2:
		return (uint16_t)a->ival;
	case 4:
		return (uint32_t)a->ival;
	default:
		return a->ival;
	}
}

/* A string argument as a NUL-terminated copy (caller frees). */
static char *pf_cstr(const struct dt_pfarg *a)
{
	char *s;

	if (a->kind == DT_PF_INT) {
		s = malloc(32);
		if (s)
			snprintf(s, 32, "%" PRId64, pf_sval(a));
		return s;
	}
	s = malloc(a->len + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, a->data, a->len);
	s[a->len] = '\0';
	return s;
}

void dt_pfarg_from_rec(struct dt_pfarg *a, const struct dt_vtype *t,
		       const void *data, size_t len)
{
	memset(a, 0, sizeof(*a));
	switch (t->kind) {
	case DT_VK_STRING:
	case DT_VK_CHARARRAY:
		a->kind = DT_PF_STR;
		a->data = data;
		a->len = len;
		break;
	case DT_VK_BYTES:
		a->kind = DT_PF_BYTES;
		a->data = data;
		a->len = len;
		break;
	case DT_VK_STACK:
	case DT_VK_USTACK:
		a->kind = t->kind == DT_VK_STACK ? DT_PF_STACK : DT_PF_USTACK;
		a->data = data;
		a->len = len;
		break;
	default: {
		uint64_t v = 0;

		if (len >= 8)
			memcpy(&v, data, 8);
		a->kind = DT_PF_INT;
		a->ival = v;
		a->size = t->size ? t->size : 8;
		if (a->size > 8)
			a->size = 8;
		a->is_signed = t->kind == DT_VK_INT && t->is_signed;
		a->data = data;
		a->len = len;
		break;
	}
	}
}

/* %S: the escaped form of the string, as one string for the format. */
static char *pf_escape(const char *s, size_t len)
{
	char *buf = NULL;
	size_t blen = 0;
	FILE *m = open_memstream(&buf, &blen);

	if (m == NULL)
		return NULL;
	dt_print_escaped(m, s, len);
	fclose(m);
	return buf;
}

/* %Y: "2026 Nov 25 18:20:00" (local time), as DTrace prints it. */
static void pf_time(uint64_t ns, char *buf, size_t len)
{
	time_t sec = (time_t)(ns / 1000000000ULL);
	struct tm tm;

	localtime_r(&sec, &tm);
	strftime(buf, len, "%Y %b %e %T", &tm);
}

/* %T: RFC 822. */
static void pf_time822(uint64_t ns, char *buf, size_t len)
{
	time_t sec = (time_t)(ns / 1000000000ULL);
	struct tm tm;

	localtime_r(&sec, &tm);
	strftime(buf, len, "%a, %d %b %G %T %Z", &tm);
}

/* Print an aggregation value (%@) with the given numeric spec. */
static int pf_aggval(FILE *fp, const struct dt_pfarg *a, const char *spec,
		     char conv)
{
	const struct dt_aggdesc *ad = a->agg;
	char f[64];

	switch (ad->func) {
	case DTRACEAGG_QUANTIZE:
		dt_print_quantize(fp, a->val, a->normal);
		return 0;
	case DTRACEAGG_LQUANTIZE:
		dt_print_lquantize(fp, a->val, ad->arg2, a->normal);
		return 0;
	case DTRACEAGG_LLQUANTIZE:
		dt_print_llquantize(fp, a->val, ad->arg2, a->normal);
		return 0;
	default:
		break;
	}
	snprintf(f, sizeof(f), "%sll%c", spec, conv);
	switch (conv) {
	case 'd': case 'i':
		fprintf(fp, f, (long long)dt_agg_value(ad, a->val, a->normal));
		break;
	case 'u': case 'x': case 'X': case 'o': case 'c':
		if (conv == 'c') {
			snprintf(f, sizeof(f), "%sc", spec);
			fprintf(fp, f, (int)dt_agg_value(ad, a->val,
							  a->normal));
		} else {
			fprintf(fp, f, (unsigned long long)
				dt_agg_value(ad, a->val, a->normal));
		}
		break;
	default:
		snprintf(f, sizeof(f), "%slld", spec);
		fprintf(fp, f, (long long)dt_agg_value(ad, a->val, a->normal));
	}
	return 0;
}

static int pf_getint(const struct dt_pfarg *args, int nargs, int *ai, int *v)
{
	if (*ai >= nargs)
		return -1;
	*v = (int)pf_sval(&args[*ai]);
	(*ai)++;
	return 0;
}

int dt_printf_format(FILE *fp, const char *fmt, const struct dt_pfarg *args,
		     int nargs, const struct dt_pfarg *aggvals, int naggvals,
		     char *err, size_t errlen)
{
	const char *p = fmt;
	int ai = 0, aggi = 0, nconv = 0;

	while (*p) {
		struct pfspec s;
		const struct dt_pfarg *a;
		char spec[64], f[80], conv;
		int width, prec;
		unsigned int flags;

		if (*p != '%') {
			const char *q = strchr(p, '%');
			size_t n = q ? (size_t)(q - p) : strlen(p);

			fwrite(p, 1, n, fp);
			p += n;
			continue;
		}
		if (p[1] == '%') {
			fputc('%', fp);
			p += 2;
			continue;
		}
		nconv++;
		p = pf_parse(p + 1, &s);
		if (p == NULL) {
			pf_err(err, errlen, "format conversion #%d name "
			       "expected before end of format string", nconv);
			return -1;
		}
		width = s.width;
		prec = s.prec;
		flags = s.flags;
		if ((flags & PF_DYNWIDTH) && pf_getint(args, nargs, &ai,
						       &width) < 0)
			goto missing;
		if ((flags & PF_DYNPREC) && pf_getint(args, nargs, &ai,
						      &prec) < 0)
			goto missing;
		if (width < 0) {
			flags |= PF_LEFT;
			flags &= ~PF_ZPAD;
		}
		conv = s.conv;

		if (flags & PF_AGG) {
			if (naggvals == 0) {
				pf_err(err, errlen, "%%@ conversion requires "
				       "an aggregation");
				return -1;
			}
			a = &aggvals[aggi];
			if (aggi < naggvals - 1)
				aggi++;
			/* The spec without a conversion (a NUL ends it). */
			pf_build(spec, sizeof(spec), flags, width, prec, "",
				 '\0');
			pf_aggval(fp, a, spec, conv);
			continue;
		}
		if (ai >= nargs)
			goto missing;
		a = &args[ai++];

		switch (conv) {
		case 'd': case 'i':
			if (a->kind == DT_PF_AGG) {
				pf_build(spec, sizeof(spec), flags, width,
					 prec, "", '\0');
				pf_aggval(fp, a, spec, conv);
				break;
			}
			/*
			 * %d follows the argument's signedness; %i is always
			 * signed, as in DTrace (its %i conversion has no type
			 * check that turns it into %u).
			 */
			if (a->is_signed || conv == 'i') {
				pf_build(f, sizeof(f), flags, width, prec,
					 "ll", 'd');
				fprintf(fp, f, (long long)pf_sval(a));
			} else {
				pf_build(f, sizeof(f), flags, width, prec,
					 "ll", 'u');
				fprintf(fp, f, (unsigned long long)pf_uval(a));
			}
			break;
		case 'u': case 'o': case 'x': case 'X': case 'p':
			if (a->kind == DT_PF_AGG) {
				pf_build(spec, sizeof(spec), flags, width,
					 prec, "", '\0');
				pf_aggval(fp, a, spec, conv == 'p' ? 'x' :
					  conv);
				break;
			}
			pf_build(f, sizeof(f), flags, width, prec, "ll",
				 conv == 'p' ? 'x' : conv);
			fprintf(fp, f, (unsigned long long)pf_uval(a));
			break;
		case 'c':
			pf_build(f, sizeof(f), flags, width, prec, "", 'c');
			fprintf(fp, f, (int)(char)pf_sval(a));
			break;
		case 'C': {
			char c = (char)pf_sval(a);
			char *e = pf_escape(&c, 1);

			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, e ? e : "");
			free(e);
			break;
		}
		case 'e': case 'E': case 'f': case 'g': case 'G':
		case 'F': {
			double d = a->is_signed ? (double)pf_sval(a) :
					(double)pf_uval(a);

			pf_build(f, sizeof(f), flags, width, prec, "", conv);
			fprintf(fp, f, d);
			break;
		}
		case 's': case 'S': {
			char *str = pf_cstr(a);
			char *e = NULL;

			if (str && conv == 'S')
				e = pf_escape(str, strlen(str));
			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, e ? e : str ? str : "");
			free(e);
			free(str);
			break;
		}
		case 'I': {
			char *str = pf_cstr(a), host[1025];

			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, pf_inetaddr(str ? str : "", host,
						   sizeof(host)));
			free(str);
			break;
		}
		case 'P': {
			char port[256];

			pf_port((uint16_t)pf_uval(a), port, sizeof(port));
			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, port);
			break;
		}
		case 'a': case 'A': {
			char sym[512];

			if (conv == 'a')
				dt_ksym_addr(pf_uval(a), sym, sizeof(sym), 1);
			else
				snprintf(sym, sizeof(sym), "0x%" PRIx64,
					 pf_uval(a));
			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, sym);
			break;
		}
		case 'Y': case 'T': {
			char tb[64];

			if (conv == 'Y')
				pf_time(pf_uval(a), tb, sizeof(tb));
			else
				pf_time822(pf_uval(a), tb, sizeof(tb));
			pf_build(f, sizeof(f), flags, width, prec, "", 's');
			fprintf(fp, f, tb);
			break;
		}
		case 'k': {
			uint64_t depth = 0;
			const uint64_t *pcs;
			int indent = 0;

			if (a->kind == DT_PF_USTACK) {
				if (flags & PF_LEFT) {
					indent = width < 0 ? -width : width;
					width = 0;
				}
				pf_build(f, sizeof(f), flags & ~PF_LEFT, width,
					 prec, "", 's');
				dt_print_ustack(fp, (const unsigned char *)a->data,
						(uint32_t)a->len, indent, f);
				break;
			}
			if (a->kind != DT_PF_STACK || a->len < 8) {
				pf_err(err, errlen, "%%k requires a stack");
				return -1;
			}
			memcpy(&depth, a->data, 8);
			pcs = (const uint64_t *)(const void *)(a->data + 8);
			if (depth > (a->len - 8) / 8)
				depth = (a->len - 8) / 8;
			if (flags & PF_LEFT) {
				indent = width < 0 ? -width : width;
				width = 0;
			}
			pf_build(f, sizeof(f), flags & ~PF_LEFT, width, prec,
				 "", 's');
			dt_print_stack(fp, pcs, (int)depth, indent, f);
			break;
		}
		default:
			pf_err(err, errlen, "format conversion #%d is "
			       "undefined: %%%s%c", nconv, s.len, conv);
			return -1;
		}
	}
	return 0;

missing:
	pf_err(err, errlen, "printf( ) prototype mismatch: conversion #%d "
	       "is missing a corresponding value argument", nconv);
	return -1;
}
