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
       O_OFORMAT, O_ENCODING };

/* An option DTrace has that is checked here but changes nothing. */
#define NOFF ((size_t)-1)

/*
 * The one table of options: dtrace -x, -b, -q, ... and the compiler's
 * "#pragma D option" (dt_compile.c asks dt_opt_check()) both read it.
 * Names are DTrace's (compile-time, run-time and dynamic run-time options,
 * FreeBSD's oformat); a kind checks the value as DTrace does.
 */
static const struct {
	const char *name;
	int kind;
	size_t off;		/* into struct dt_opts, or NOFF */
} opttab[] = {
#define OFF(f) offsetof(struct dt_opts, f)
	{ "agghist", O_BOOL, OFF(agghist) },
	{ "aggpack", O_BOOL, OFF(aggpack) },
	{ "aggpercpu", O_BOOL, NOFF },
	{ "aggrate", O_TIME, OFF(aggrate) },
	{ "aggsize", O_SIZE, OFF(aggsize) },
	{ "aggsortkey", O_BOOL, OFF(aggsortkey) },
	{ "aggsortkeypos", O_COUNT, OFF(aggsortkeypos) },
	{ "aggsortpos", O_COUNT, OFF(aggsortpos) },
	{ "aggsortrev", O_BOOL, OFF(aggsortrev) },
	{ "aggzoom", O_BOOL, OFF(aggzoom) },
	{ "amin", O_IGNSTR, NOFF },
	{ "argref", O_IGNORE, NOFF },
	{ "bufmax", O_SIZE, NOFF },
	{ "bufpolicy", O_POLICY, OFF(bufpolicy) },
	{ "bufresize", O_IGNSTR, NOFF },
	{ "bufsize", O_SIZE, OFF(bufsize) },
	{ "cleanrate", O_TIME, NOFF },
	{ "core", O_IGNSTR, NOFF },
	{ "cpp", O_BOOL, OFF(cpp) },
	{ "cpphdrs", O_IGNORE, NOFF },
	{ "cpppath", O_IGNSTR, NOFF },
	{ "cpu", O_COUNT, NOFF },
	{ "debug", O_IGNORE, NOFF },
	{ "defaultargs", O_BOOL, OFF(defaultargs) },
	{ "define", O_IGNSTR, NOFF },
	{ "destructive", O_BOOL, OFF(destructive) },
	{ "disasm", O_IGNORE, NOFF },
	{ "droptags", O_IGNORE, NOFF },
	{ "dynvarsize", O_SIZE, OFF(dynvarsize) },
	{ "encoding", O_ENCODING, NOFF },
	{ "errtags", O_BOOL, OFF(errtags) },
	{ "evaltime", O_IGNSTR, NOFF },
	{ "flowindent", O_BOOL, OFF(flowindent) },
	{ "grabanon", O_BOOL, NOFF },
	{ "incdir", O_IGNSTR, NOFF },
	{ "iregs", O_IGNSTR, NOFF },
	{ "jstackframes", O_COUNT, NOFF },
	{ "jstackstrsize", O_SIZE, NOFF },
	{ "knodefs", O_IGNORE, NOFF },
	{ "lazyload", O_IGNORE, NOFF },
	{ "ldpath", O_IGNSTR, NOFF },
	{ "libdir", O_IGNSTR, NOFF },
	{ "linkmode", O_IGNSTR, NOFF },
	{ "linktype", O_IGNSTR, NOFF },
	{ "maxframes", O_COUNT, NOFF },
	{ "nodefs", O_IGNORE, NOFF },
	{ "nolibs", O_IGNORE, NOFF },
	{ "noresolve", O_IGNORE, NOFF },
	{ "nspec", O_COUNT, OFF(nspec) },
	{ "oformat", O_OFORMAT, NOFF },
	{ "pgmax", O_IGNSTR, NOFF },
	{ "procfs", O_IGNORE, NOFF },
	{ "pspec", O_IGNORE, NOFF },
	{ "quiet", O_BOOL, OFF(quiet) },
	{ "quietresize", O_BOOL, NOFF },
	{ "rawbytes", O_BOOL, OFF(rawbytes) },
	{ "sizeof", O_IGNORE, NOFF },
	{ "specsize", O_SIZE, OFF(specsize) },
	{ "stackframes", O_COUNT, OFF(stackframes) },
	{ "stackindent", O_COUNT, OFF(stackindent) },
	{ "statusrate", O_TIME, OFF(statusrate) },
	{ "strip", O_IGNORE, NOFF },
	{ "strsize", O_SIZE, OFF(strsize) },
	{ "switchrate", O_TIME, OFF(switchrate) },
	{ "syslibdir", O_IGNSTR, NOFF },
	{ "temporal", O_BOOL, OFF(temporal) },
	{ "tree", O_IGNSTR, NOFF },
	{ "tregs", O_IGNSTR, NOFF },
	{ "undef", O_IGNSTR, NOFF },
	{ "unodefs", O_IGNORE, NOFF },
	{ "ustackframes", O_COUNT, OFF(ustackframes) },
	{ "verbose", O_IGNORE, NOFF },
	{ "version", O_IGNSTR, NOFF },
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
		if (opttab[i].off != NOFF)
			*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_TIME: {
		int64_t v;

		if (dt_opt_time(value, &v) < 0)
			goto bad;
		if (opttab[i].off != NOFF)
			*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_COUNT: {
		int64_t v;

		if (opt_count(value, &v) < 0)
			goto bad;
		if (opttab[i].off != NOFF)
			*(int64_t *)(base + opttab[i].off) = v;
		return 0;
	}
	case O_BOOL: {
		int v;

		if (opt_bool(value, &v) < 0)
			goto bad;
		if (opttab[i].off != NOFF)
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
	case O_ENCODING:
		/* DTrace's: the bars of histograms in ASCII or UTF-8 */
		if (value == NULL)
			goto bad;
		if (strcmp(value, "ascii") == 0)
			o->encoding = DT_ENC_ASCII;
		else if (strcmp(value, "utf8") == 0)
			o->encoding = DT_ENC_UTF8;
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

/*
 * For the compiler (dt_prog.h): is name an option and value a value it
 * takes?  Same table and checks as dt_opt_set(), nothing is set.
 */
int dt_opt_check(const char *name, const char *value, const char **err)
{
	struct dt_opts scratch;

	dt_opts_init(&scratch);
	return dt_opt_set(&scratch, name, value, err);
}
