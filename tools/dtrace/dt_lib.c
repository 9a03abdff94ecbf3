// SPDX-License-Identifier: GPL-2.0
/*
 * dt_lib.c - the D library: every *.d file of the library directories,
 * compiled before each program, as DTrace does with /usr/lib/dtrace.
 *
 * Directories: those of -L, in order, then $DTRACE_LIBDIR if it is set
 * (the source tree's tools/dtrace/lib for tests; empty: none), else
 * /usr/lib/dtrace.  A file name already seen in an earlier directory is
 * skipped, so -L can replace a library file.
 *
 * "#pragma D depends_on" lines are read first: a file whose dependency is
 * missing is skipped silently, as DTrace skips it; "library NAME" loads
 * NAME first.  Dependencies: "module vmlinux" (or "kernel") needs the
 * kernel's BTF (types from /sys/kernel/btf or $DTRACE_BTF_DIR), another
 * module /sys/module/NAME or its BTF; "provider NAME" is always taken as
 * met (providers are matched when the program is enabled).
 *
 * Types, typedefs and enums of a library file are declared at once;
 * translators and inlines are parsed when a program first uses them
 * (dt_parse.c's lazy_record()), so a program that uses none of them pays
 * no kernel type lookups.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dt_cc.h"

#define DT_LIB_MAX	256	/* library files considered */

struct dt_libfile {
	char *name;		/* base name */
	char *path;
	char *text;
	int state;		/* 0 new, 1 loading, 2 loaded, 3 skipped */
};

struct dt_libset {
	struct dt_libfile f[DT_LIB_MAX];
	int n;
};

/* ----------------------------------------------------------------------
 * Finding and reading the files
 * ---------------------------------------------------------------------- */
static char *read_file(struct dt_cc *cc, const char *path)
{
	FILE *fp = fopen(path, "r");
	char *buf;
	long len;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) || (len = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET)) {
		fclose(fp);
		return NULL;
	}
	buf = dt_zalloc(cc, (size_t)len + 1);
	if (fread(buf, 1, (size_t)len, fp) != (size_t)len) {
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	return buf;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_dir(struct dt_cc *cc, struct dt_libset *ls, const char *dir)
{
	char *names[DT_LIB_MAX];
	struct dirent *de;
	int n = 0, i, j;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((de = readdir(d)) && n < DT_LIB_MAX) {
		size_t l = strlen(de->d_name);

		if (l > 2 && !strcmp(de->d_name + l - 2, ".d") &&
		    de->d_name[0] != '.')
			names[n++] = dt_strdup(cc, de->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n && ls->n < DT_LIB_MAX; i++) {
		struct dt_libfile *f;
		size_t l;

		for (j = 0; j < ls->n; j++)
			if (!strcmp(ls->f[j].name, names[i]))
				break;
		if (j < ls->n)
			continue;
		f = &ls->f[ls->n];
		l = strlen(dir) + strlen(names[i]) + 2;
		f->path = dt_zalloc(cc, l);
		snprintf(f->path, l, "%s/%s", dir, names[i]);
		f->text = read_file(cc, f->path);
		if (!f->text)
			continue;	/* unreadable: not a library file */
		f->name = names[i];
		ls->n++;
	}
}

/* ----------------------------------------------------------------------
 * Dependencies
 * ---------------------------------------------------------------------- */
static int have_btf(const char *mod)
{
	const char *dir = getenv("DTRACE_BTF_DIR");
	char path[4096];

	if (!dir || !*dir)
		dir = "/sys/kernel/btf";
	snprintf(path, sizeof(path), "%s/%s", dir, mod);
	return access(path, R_OK) == 0;
}

static int have_module(const char *mod)
{
	char path[512];

	if (!strcmp(mod, "vmlinux") || !strcmp(mod, "kernel"))
		return have_btf("vmlinux");
	snprintf(path, sizeof(path), "/sys/module/%s", mod);
	return access(path, F_OK) == 0 || have_btf(mod);
}

static void load(struct dt_cc *cc, struct dt_libset *ls,
		 struct dt_libfile *f);

/*
 * Read f's "#pragma D depends_on CLASS NAME" lines; 0 if one is not met.
 * Libraries it depends on are loaded first.
 */
static int depends_met(struct dt_cc *cc, struct dt_libset *ls,
		       struct dt_libfile *f)
{
	const char *p = f->text;

	while (p && *p) {
		char cls[64], name[256];
		const char *q = p;
		int i;

		while (*q == ' ' || *q == '\t')
			q++;
		if (sscanf(q, "#pragma D depends_on %63s %255s", cls,
			   name) == 2) {
			size_t l = strlen(name);

			if (l && name[l - 1] == ';')
				name[l - 1] = '\0';
			if (!strcmp(cls, "module") && !have_module(name))
				return 0;
			if (!strcmp(cls, "library")) {
				for (i = 0; i < ls->n; i++)
					if (!strcmp(ls->f[i].name, name))
						break;
				if (i == ls->n)
					return 0;
				load(cc, ls, &ls->f[i]);
				if (ls->f[i].state != 2)
					return 0;
			}
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 1;
}

static void load(struct dt_cc *cc, struct dt_libset *ls,
		 struct dt_libfile *f)
{
	if (f->state)
		return;		/* done, or a dependency cycle: skipped */
	f->state = 1;
	if (!depends_met(cc, ls, f)) {
		f->state = 3;
		return;
	}
	cc->src = f->text;
	cc->in_lib = 1;
	cc->lib_file = f->path;
	dt_lex_init(cc);
	dt_parse_program(cc);
	cc->in_lib = 0;
	cc->lib_file = NULL;
	if (cc->nstmts)
		dt_cc_error(cc, 0, D_SYNTAX,
			    "probe clauses are not allowed in library %s",
			    f->path);
	f->state = 2;
}

/* Compile the library into cc, before the program. */
void dt_lib_load(struct dt_cc *cc)
{
	struct dt_libset *ls = dt_zalloc(cc, sizeof(*ls));
	const char *def = getenv("DTRACE_LIBDIR");
	int i;

	for (i = 0; i < cc->opts->nlibdirs; i++)
		add_dir(cc, ls, cc->opts->libdirs[i]);
	if (!def)
		def = "/usr/lib/dtrace";
	if (*def)
		add_dir(cc, ls, def);
	for (i = 0; i < ls->n; i++)
		load(cc, ls, &ls->f[i]);
}
