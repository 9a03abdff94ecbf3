// SPDX-License-Identifier: GPL-2.0
/*
 * amalgamate - join the fragments listed in gen/MANIFEST into dtrace.c.
 *
 * usage: amalgamate [-l] [-d GENDIR] [-v VERSION_HEADER] -o OUTPUT
 *
 *   -d GENDIR   directory holding MANIFEST and the fragments (default gen)
 *   -v HEADER   header defining DTRACE_VERSION_STRING (default dtrace.h)
 *   -o OUTPUT   file to write (replaced only if its content changes)
 *   -l          development mode: emit #line directives pointing at gen/
 *
 * The output is byte-for-byte reproducible: it depends only on the
 * manifest, the fragments and the version, never on the date, the host or
 * absolute paths.  It opens with a banner (version, a hash of the inputs,
 * a table of contents made of each fragment's first comment line) and
 * wraps every fragment in begin/end markers.
 *
 * Rules it enforces on fragments: LF line endings, no trailing white
 * space, a one-line title comment on line 1 and the GPL-2.0 SPDX line on
 * line 2.  #include "x.h" of a header fragment is inlined where MANIFEST
 * lists it and turned into a comment anywhere else; only the external
 * headers "dtrace.h" and "dtrace_kconfig.h" may remain; any other
 * #include "..." is an error.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAGMENTS	256
#define SPDX_LINE	"/* SPDX-License-Identifier: GPL-2.0 */"

static const char *const external_headers[] = { "dtrace.h", "dtrace_kconfig.h" };

struct fragment {
	char name[128];
	char title[160];
	char *text;
	size_t len;
	int is_header;
	int inlined;
};

static struct fragment frags[MAX_FRAGMENTS];
static int nfrags;
static int line_mode;
static const char *gendir = "gen";

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("amalgamate: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *read_file(const char *path, size_t *lenp)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		die("%s: %s", path, strerror(errno));
	do {
		if (len + 4096 + 1 > cap) {
			cap = (cap + 4096) * 2;
			buf = realloc(buf, cap);
			if (!buf)
				die("out of memory");
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	buf[len] = '\0';
	if (strlen(buf) != len)
		die("%s: contains a NUL byte", path);
	*lenp = len;
	return buf;
}

/* 64-bit FNV-1a over everything that determines the output. */
static uint64_t hash_state = 0xcbf29ce484222325ULL;

static void hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--) {
		hash_state ^= *s++;
		hash_state *= 0x100000001b3ULL;
	}
}

static void check_fragment(struct fragment *fr)
{
	const char *p = fr->text, *nl;
	int line = 1;

	if (fr->len == 0 || fr->text[fr->len - 1] != '\n')
		die("gen/%s: must end with a newline", fr->name);
	for (; *p; p = nl + 1, line++) {
		nl = strchr(p, '\n');
		if (nl > p && (nl[-1] == ' ' || nl[-1] == '\t'))
			die("gen/%s:%d: trailing white space", fr->name, line);
		if (memchr(p, '\r', nl - p))
			die("gen/%s:%d: CR character (use LF line endings)",
			    fr->name, line);
		if (line == 1) {
			size_t n = nl - p;

			if (n < 6 || strncmp(p, "/* ", 3) ||
			    strncmp(nl - 3, " */", 3))
				die("gen/%s:1: first line must be a one-line title comment",
				    fr->name);
			if (n - 6 >= sizeof(fr->title))
				die("gen/%s:1: title too long", fr->name);
			memcpy(fr->title, p + 3, n - 6);
			fr->title[n - 6] = '\0';
		} else if (line == 2) {
			if ((size_t)(nl - p) != strlen(SPDX_LINE) ||
			    strncmp(p, SPDX_LINE, nl - p))
				die("gen/%s:2: must be '%s'", fr->name, SPDX_LINE);
		}
	}
	if (line < 3)
		die("gen/%s: too short", fr->name);
}

static void read_manifest(void)
{
	char path[4096], *text, *p, *nl;
	size_t len;
	int i;

	snprintf(path, sizeof(path), "%s/MANIFEST", gendir);
	text = read_file(path, &len);
	for (p = text; *p; p = nl + 1) {
		char *e;

		nl = strchr(p, '\n');
		if (!nl)
			die("%s: last line lacks a newline", path);
		*nl = '\0';
		e = strchr(p, '#');
		if (e)
			*e = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		e = p + strlen(p);
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (!*p)
			continue;
		if (strchr(p, '/') || strchr(p, ' '))
			die("%s: bad fragment name '%s'", path, p);
		if (nfrags == MAX_FRAGMENTS)
			die("%s: too many fragments", path);
		if (strlen(p) >= sizeof(frags[0].name))
			die("%s: name too long '%s'", path, p);
		for (i = 0; i < nfrags; i++)
			if (!strcmp(frags[i].name, p))
				die("%s: '%s' listed twice", path, p);
		strcpy(frags[nfrags].name, p);
		len = strlen(p);
		frags[nfrags].is_header = len > 2 && !strcmp(p + len - 2, ".h");
		nfrags++;
	}
	free(text);
	if (!nfrags)
		die("%s: lists no fragments", path);
	for (i = 0; i < nfrags; i++) {
		snprintf(path, sizeof(path), "%s/%s", gendir, frags[i].name);
		frags[i].text = read_file(path, &frags[i].len);
		check_fragment(&frags[i]);
		hash_bytes(frags[i].name, strlen(frags[i].name) + 1);
		hash_bytes(frags[i].text, frags[i].len + 1);
	}
}

struct out {
	char *buf;
	size_t len, cap;
};

static void out_add(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = realloc(o->buf, o->cap);
		if (!o->buf)
			die("out of memory");
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

static void out_printf(struct out *o, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		die("internal: line too long");
	out_add(o, tmp, n);
}

static int find_fragment(const char *name)
{
	int i;

	for (i = 0; i < nfrags; i++)
		if (!strcmp(frags[i].name, name))
			return i;
	return -1;
}

static int is_external(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(external_headers) / sizeof(external_headers[0]); i++)
		if (!strcmp(external_headers[i], name))
			return 1;
	return 0;
}

/*
 * If line (without its newline) is #include "name", copy name into buf and
 * return 1.
 */
static int quoted_include(const char *line, size_t n, char *buf, size_t bufsz)
{
	const char *p = line, *e = line + n, *q;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p == e || *p != '#')
		return 0;
	p++;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if ((size_t)(e - p) < 7 || strncmp(p, "include", 7))
		return 0;
	p += 7;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p == e || *p != '"')
		return 0;
	q = memchr(p + 1, '"', e - p - 1);
	if (!q || (size_t)(q - p - 1) >= bufsz)
		die("malformed #include: %.*s", (int)n, line);
	memcpy(buf, p + 1, q - p - 1);
	buf[q - p - 1] = '\0';
	return 1;
}

static void emit_fragment(struct out *o, int idx)
{
	struct fragment *fr = &frags[idx];
	const char *p, *nl;
	char inc[256];
	int line = 1;

	out_printf(o, "/************** Begin gen/%s **************/\n", fr->name);
	if (line_mode)
		out_printf(o, "#line 1 \"gen/%s\"\n", fr->name);
	for (p = fr->text; *p; p = nl + 1, line++) {
		nl = strchr(p, '\n');
		if (line == 2)	/* the SPDX line: the banner carries it */
			continue;
		if (quoted_include(p, nl - p, inc, sizeof(inc))) {
			int j = find_fragment(inc);

			if (j >= 0 && frags[j].is_header && frags[j].inlined) {
				out_printf(o, "/* #include \"%s\" (inlined above) */\n",
					   inc);
				if (line_mode)
					out_printf(o, "#line %d \"gen/%s\"\n",
						   line + 1, fr->name);
				continue;
			}
			if (j >= 0)
				die("gen/%s:%d: #include \"%s\" before MANIFEST lists it",
				    fr->name, line, inc);
			if (!is_external(inc))
				die("gen/%s:%d: unknown #include \"%s\"", fr->name,
				    line, inc);
		}
		out_add(o, p, nl - p + 1);
	}
	out_printf(o, "/************** End gen/%s ****************/\n", fr->name);
	fr->inlined = 1;
}

static void read_version(const char *header, char *ver, size_t n)
{
	size_t len;
	char *text = read_file(header, &len), *p, *q;

	p = strstr(text, "#define DTRACE_VERSION_STRING");
	if (!p)
		die("%s: no DTRACE_VERSION_STRING", header);
	p = strchr(p, '"');
	q = p ? strchr(p + 1, '"') : NULL;
	if (!q || (size_t)(q - p - 1) >= n)
		die("%s: malformed DTRACE_VERSION_STRING", header);
	memcpy(ver, p + 1, q - p - 1);
	ver[q - p - 1] = '\0';
	free(text);
}

static void write_if_changed(const char *path, const struct out *o)
{
	char tmp[4096];
	FILE *f = fopen(path, "rb");

	if (f) {
		size_t len;
		char *old;

		fclose(f);
		old = read_file(path, &len);
		if (len == o->len && !memcmp(old, o->buf, len)) {
			free(old);
			return;
		}
		free(old);
	}
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f)
		die("%s: %s", tmp, strerror(errno));
	if (fwrite(o->buf, 1, o->len, f) != o->len || fclose(f))
		die("%s: write error", tmp);
	if (rename(tmp, path))
		die("rename %s: %s", path, strerror(errno));
}

int main(int argc, char **argv)
{
	const char *output = NULL, *verhdr = "dtrace.h";
	struct out o = { 0 };
	char version[64];
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-l"))
			line_mode = 1;
		else if (!strcmp(argv[i], "-d") && i + 1 < argc)
			gendir = argv[++i];
		else if (!strcmp(argv[i], "-v") && i + 1 < argc)
			verhdr = argv[++i];
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			output = argv[++i];
		else
			die("usage: amalgamate [-l] [-d GENDIR] [-v HEADER] -o OUTPUT");
	}
	if (!output)
		die("usage: amalgamate [-l] [-d GENDIR] [-v HEADER] -o OUTPUT");

	read_version(verhdr, version, sizeof(version));
	hash_bytes(version, strlen(version) + 1);
	read_manifest();

	out_printf(&o, "%s\n", SPDX_LINE);
	out_printf(&o, "/*\n * dtrace.c - DTrace for Linux, version %s\n", version);
	out_printf(&o, " *\n * Generated from gen/ by tools/amalgamate.c: do not edit.\n");
	out_printf(&o, " * Edit the fragments listed in gen/MANIFEST and run 'make amalgamate'.\n");
	out_printf(&o, " * Input hash (FNV-1a 64): %016llx%s\n",
		   (unsigned long long)hash_state,
		   line_mode ? " (#line mode: development build)" : "");
	out_printf(&o, " *\n * Table of contents\n");
	for (i = 0; i < nfrags; i++)
		out_printf(&o, " *   %-24s %s\n", frags[i].name, frags[i].title);
	out_printf(&o, " */\n");
	for (i = 0; i < nfrags; i++) {
		if (frags[i].is_header && frags[i].inlined)
			continue;
		emit_fragment(&o, i);
	}
	write_if_changed(output, &o);
	return 0;
}
