// SPDX-License-Identifier: GPL-2.0
/*
 * dt_options.c - DTrace's run-time and buffer options (-x name[=value],
 * -b, -q, -F, -w, -Z, #pragma D option): their table, value syntax (sizes
 * with k/m/g/t suffixes, times and rates with ns/us/ms/s/m/h/d/hz
 * suffixes) and the messages DTrace gives for bad names and values.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dt_cmd.h"

#define NANOSEC		1000000000LL

struct dt_opts dt_opt;

static const char *e_name = "Invalid option name";
static const char *e_val = "Invalid value for specified option";

void dt_opts_init(struct dt_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->bufsize = DT_OPT_UNSET;
	o->aggsize = DT_OPT_UNSET;
	o->specsize = DT_OPT_UNSET;
	o->dynvarsize = DT_OPT_UNSET;
	o->strsize = DT_OPT_UNSET;
	o->nspec = DT_OPT_UNSET;
	o->stackframes = DT_OPT_UNSET;
	o->ustackframes = DT_OPT_UNSET;
	o->bufpolicy = DTRACE_BUFPOLICY_SWITCH;
	o->switchrate = NANOSEC;	/* 1hz, DTrace's default */
	o->aggrate = NANOSEC;
	o->statusrate = NANOSEC;
	o->aggsortkeypos = 0;
	o->aggsortpos = 0;
	o->stackindent = 14;
}

int dt_opt_size(const char *s, int64_t *out)
{
	unsigned long long v, mul = 1;
	char *end;

	if (s == NULL || *s == '\0' || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -1;
	switch (*end) {
	case 't': case 'T':
		mul <<= 10;
		/* fall through */
	case 'g': case 'G':
		mul <<= 10;
		/* fall through */
	case 'm': case 'M':
		mul <<= 10;
		/* fall through */
	case 'k': case 'K':
		mul <<= 10;
		end++;
		break;
	default:
		break;
	}
	if (*end != '\0')
		return -1;
	if (v > (unsigned long long)INT64_MAX / mul)
		return -1;
	*out = (int64_t)(v * mul);
	return 0;
}

int dt_opt_time(const char *s, int64_t *out)
{
	static const struct {
		const char *name;
		int64_t mul;		/* 0: a frequency */
	} sfx[] = {
		{ "ns", 1 }, { "nsec", 1 },
		{ "us", 1000 }, { "usec", 1000 },
		{ "ms", 1000000 }, { "msec", 1000000 },
		{ "s", NANOSEC }, { "sec", NANOSEC },
		{ "m", NANOSEC * 60 }, { "min", NANOSEC * 60 },
		{ "h", NANOSEC * 3600 }, { "hour", NANOSEC * 3600 },
		{ "d", NANOSEC * 86400 }, { "day", NANOSEC * 86400 },
		{ "hz", 0 },
		{ NULL, 0 }
	};
	unsigned long long v;
	int64_t mul = 1;
	char *end;
	int i;

	if (s == NULL || *s == '\0' || *s == '-')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || v > (unsigned long long)INT64_MAX)
		return -1;
	if (*end != '\0') {
		for (i = 0; sfx[i].name; i++)
			if (strcasecmp(sfx[i].name, end) == 0)
				break;
		if (sfx[i].name == NULL)
			return -1;
		mul = sfx[i].mul;
	}
	if (mul == 0) {
		*out = v ? NANOSEC / (int64_t)v : 0;
		return 0;
	}
	if (v > (unsigned long long)(INT64_MAX / mul))
		return -1;
	*out = (int64_t)v * mul;
	return 0;
}

static int opt_count(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (errno || *end != '\0' || v < 0)
		return -1;
	*out = v;
	return 0;
}

/* Boolean options take no value; "0"/"false" unsets, as a convenience. */
static int opt_bool(const char *s, int *out)
{
	if (s == NULL || strcmp(s, "1") == 0 || strcasecmp(s, "true") == 0 ||
	    strcasecmp(s, "set") == 0) {
		*out = 1;
		return 0;
	}
	if (strcmp(s, "0") == 0 || strcasecmp(s, "false") == 0 ||
	    strcasecmp(s, "unset") == 0) {
		*out = 0;
		return 0;
	}
	return -1;
}

enum { O_SIZE, O_TIME, O_COUNT, O_BOOL, O_POLICY, O_IGNORE, O_IGNSTR,
       O_OFORMAT };

static const struct {
	const char *name;
	int kind;
	size_t off;		/* into struct dt_opts, when used */
} opttab[] = {
#define OFF(f) offsetof(struct dt_opts, f)
	{ "aggrate", O_TIME, OFF(aggrate) },
	{ "aggsize", O_SIZE, OFF(aggsize) },
	{ "aggsortkey", O_BOOL, OFF(aggsortkey) },
	{ "aggsortkeypos", O_COUNT, OFF(aggsortkeypos) },
	{ "aggsortpos", O_COUNT, OFF(aggsortpos) },
	{ "aggsortrev", O_BOOL, OFF(aggsortrev) },
	{ "bufpolicy", O_POLICY, OFF(bufpolicy) },
	{ "bufresize", O_IGNSTR, 0 },
	{ "bufsize", O_SIZE, OFF(bufsize) },
	{ "cleanrate", O_TIME, 0 },
	{ "cpp", O_BOOL, OFF(cpp) },
	{ "cpphdrs", O_IGNORE, 0 },
	{ "cpppath", O_IGNSTR, 0 },
	{ "defaultargs", O_BOOL, OFF(defaultargs) },
	{ "define", O_IGNSTR, 0 },
	{ "destructive", O_BOOL, OFF(destructive) },
	{ "dynvarsize", O_SIZE, OFF(dynvarsize) },
	{ "errtags", O_BOOL, OFF(errtags) },
	{ "flowindent", O_BOOL, OFF(flowindent) },
	{ "incdir", O_IGNSTR, 0 },
	{ "nspec", O_COUNT, OFF(nspec) },
	{ "oformat", O_OFORMAT, 0 },
	{ "quiet", O_BOOL, OFF(quiet) },
	{ "quietresize", O_IGNORE, 0 },
	{ "rawbytes", O_BOOL, OFF(rawbytes) },
	{ "specsize", O_SIZE, OFF(specsize) },
	{ "stackframes", O_COUNT, OFF(stackframes) },
	{ "stackindent", O_COUNT, OFF(stackindent) },
	{ "statusrate", O_TIME, OFF(statusrate) },
	{ "strsize", O_SIZE, OFF(strsize) },
	{ "switchrate", O_TIME, OFF(switchrate) },
	{ "temporal", O_BOOL, OFF(temporal) },
	{ "undef", O_IGNSTR, 0 },
	{ "ustackframes", O_COUNT, OFF(ustackframes) },
	{ "zdefs", O_BOOL, OFF(zdefs) },
	{ NULL, 0, 0 }
#undef OFF
};

int dt_opt_set(struct dt_opts *o, const char *name, const char *value,
	       const char **err)
{
	char *base = (char *)o;
	int i;

	for (i = 0; opttab[i].name; i++)
		if (strcmp(opttab[i].name, name) == 0)
			break;
	if (opttab[i].name == NULL) {
		*err = e_name;
		return -1;
	}
	switch (opttab[i].kind) {
	case O_SIZE: {
		int64_t v;

		if (dt_opt_size(value, &v) < 0)
			goto bad;
		*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_TIME: {
		int64_t v;

		if (dt_opt_time(value, &v) < 0)
			goto bad;
		if (opttab[i].off)
			*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_COUNT: {
		int64_t v;

		if (opt_count(value, &v) < 0)
			goto bad;
		*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_BOOL: {
		int v;

		if (opt_bool(value, &v) < 0)
			goto bad;
		*(int *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_POLICY:
		if (value == NULL)
			goto bad;
		if (strcmp(value, "switch") == 0)
			o->bufpolicy = DTRACE_BUFPOLICY_SWITCH;
		else if (strcmp(value, "fill") == 0)
			o->bufpolicy = DTRACE_BUFPOLICY_FILL;
		else if (strcmp(value, "ring") == 0)
			o->bufpolicy = DTRACE_BUFPOLICY_RING;
		else
			goto bad;
		return 0;
	case O_OFORMAT:
		/* FreeBSD's structured output option; JSON only here. */
		if (value == NULL)
			goto bad;
		if (strcmp(value, "text") == 0)
			o->oformat = DT_OFMT_TEXT;
		else if (strcmp(value, "json") == 0)
			o->oformat = DT_OFMT_JSON;
		else
			goto bad;
		return 0;
	case O_IGNSTR:
		if (value == NULL)
			goto bad;
		return 0;
	default:
		return 0;
	}
bad:
	*err = e_val;
	return -1;
}
