// SPDX-License-Identifier: GPL-2.0
/*
 * dt_fbt.c - hands the fbt provider the kernel's functions.
 *
 * dtrace.ko cannot walk the kernel's symbol table (kallsyms is not
 * exported to modules), so before probes are listed or enabled, when a
 * description could name an fbt probe, dtrace(1) reads the functions
 * ftrace can trace (tracefs available_filter_functions joined with
 * /proc/kallsyms by module and name) and passes (address, module, function) entries with
 * DTRACEIOC_FBTSYMS.  The module checks each entry itself.  Once the
 * module has the kernel's list (DTRACE_FBT_KERNEL) this is skipped: the
 * module adds the functions of modules loaded later on its own.
 *
 * tracefs is looked for at /sys/kernel/tracing and
 * /sys/kernel/debug/tracing; if neither is there, tracefs is mounted at
 * /sys/kernel/tracing.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>

#include "dt_cmd.h"

struct fbt_buf {
	struct dtrace_fbt_sym *syms;
	size_t nsyms, capsyms;
	char *str;
	size_t strlen, capstr;
};

/* String table offset of s (module names repeat: remember the last). */
static uint32_t fbt_str(struct fbt_buf *b, const char *s)
{
	size_t n = strlen(s) + 1;
	uint32_t off;

	if (b->strlen + n > b->capstr) {
		size_t cap = b->capstr ? b->capstr * 2 : 1 << 20;

		while (cap < b->strlen + n)
			cap *= 2;
		b->str = realloc(b->str, cap);
		if (b->str == NULL)
			dt_nomem();
		b->capstr = cap;
	}
	off = (uint32_t)b->strlen;
	memcpy(b->str + off, s, n);
	b->strlen += n;
	return off;
}

static void fbt_add(struct fbt_buf *b, uint64_t addr, const char *mod,
		    const char *func, uint32_t *modoff, char *lastmod)
{
	struct dtrace_fbt_sym *e;

	if (b->nsyms == b->capsyms) {
		b->capsyms = b->capsyms ? b->capsyms * 2 : 65536;
		b->syms = realloc(b->syms, b->capsyms * sizeof(*b->syms));
		if (b->syms == NULL)
			dt_nomem();
	}
	if (strcmp(lastmod, mod) != 0) {
		snprintf(lastmod, DTRACE_MODNAMELEN, "%s", mod);
		*modoff = fbt_str(b, mod);
	}
	e = &b->syms[b->nsyms++];
	e->addr = addr;
	e->mod = *modoff;
	e->func = fbt_str(b, func);
}

/* "name" or "name [mod]" -> name, mod ("vmlinux"); 0 if usable. */
static int split_mod(char *line, char **name, const char **mod)
{
	char *p = strchr(line, '\n');

	if (p)
		*p = '\0';
	p = strpbrk(line, " \t");
	*name = line;
	*mod = "vmlinux";
	if (p) {
		char *m = p + 1, *e;

		*p = '\0';
		while (*m == ' ' || *m == '\t')
			m++;
		if (*m != '[')
			return -1;
		e = strchr(++m, ']');
		if (e == NULL)
			return -1;
		*e = '\0';
		*mod = m;
	}
	return **name ? 0 : -1;
}

FILE *dt_tracefs_open(const char *file)
{
	static const char *const dirs[] = {
		"/sys/kernel/tracing", "/sys/kernel/debug/tracing",
	};
	char path[256];
	unsigned int i;
	FILE *fp;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dirs[i], file);
		fp = fopen(path, "r");
		if (fp)
			return fp;
	}
	if (mount("tracefs", dirs[0], "tracefs", 0, NULL) == 0) {
		snprintf(path, sizeof(path), "%s/%s", dirs[0], file);
		return fopen(path, "r");
	}
	return NULL;
}

/* A hash set of "mod\tname" keys for the join with /proc/kallsyms. */
struct fbt_set {
	char **slot;
	size_t cap, n;
};

static size_t set_hash(const char *mod, const char *name)
{
	size_t h = 5381;

	while (*mod)
		h = h * 33 + (unsigned char)*mod++;
	h = h * 33 + '\t';
	while (*name)
		h = h * 33 + (unsigned char)*name++;
	return h;
}

static int set_key_is(const char *key, const char *mod, const char *name)
{
	size_t ml = strlen(mod);

	return strncmp(key, mod, ml) == 0 && key[ml] == '\t' &&
	       strcmp(key + ml + 1, name) == 0;
}

static int set_has(const struct fbt_set *s, const char *mod, const char *name)
{
	size_t i;

	if (!s->cap)
		return 0;
	for (i = set_hash(mod, name) & (s->cap - 1); s->slot[i];
	     i = (i + 1) & (s->cap - 1))
		if (set_key_is(s->slot[i], mod, name))
			return 1;
	return 0;
}

static void set_add(struct fbt_set *s, const char *mod, const char *name)
{
	size_t i, len;
	char *key;

	if ((s->n + 1) * 2 > s->cap) {
		struct fbt_set t = { NULL, s->cap ? s->cap * 2 : 65536, 0 };
		size_t j;

		t.slot = calloc(t.cap, sizeof(*t.slot));
		if (t.slot == NULL)
			dt_nomem();
		for (j = 0; j < s->cap; j++) {
			if (!s->slot[j])
				continue;
			{
				char *k = s->slot[j], *tab = strchr(k, '\t');
				size_t h;

				*tab = '\0';
				h = set_hash(k, tab + 1) & (t.cap - 1);
				*tab = '\t';
				while (t.slot[h])
					h = (h + 1) & (t.cap - 1);
				t.slot[h] = k;
			}
		}
		free(s->slot);
		s->slot = t.slot;
		s->cap = t.cap;
	}
	if (set_has(s, mod, name))
		return;
	len = strlen(mod) + strlen(name) + 2;
	key = malloc(len);
	if (key == NULL)
		dt_nomem();
	snprintf(key, len, "%s\t%s", mod, name);
	for (i = set_hash(mod, name) & (s->cap - 1); s->slot[i];
	     i = (i + 1) & (s->cap - 1))
		;
	s->slot[i] = key;
	s->n++;
}

static void set_free(struct fbt_set *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
}

/* Fill b from tracefs and /proc/kallsyms; -1 if neither can be read. */
static int fbt_collect(struct fbt_buf *b)
{
	char line[1024], lastmod[DTRACE_MODNAMELEN] = "";
	struct fbt_set set = { NULL, 0, 0 };
	uint32_t modoff = 0;
	FILE *fp;

	/*
	 * (6.5's available_filter_functions_addrs gives the call sites'
	 * addresses, not the functions': the join is needed anyway.)
	 */
	fp = dt_tracefs_open("available_filter_functions");
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		char *name;
		const char *mod;

		if (split_mod(line, &name, &mod) == 0)
			set_add(&set, mod, name);
	}
	fclose(fp);
	fp = fopen("/proc/kallsyms", "r");
	if (fp == NULL) {
		set_free(&set);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		char *end, *name;
		const char *mod;
		uint64_t addr = strtoull(line, &end, 16);

		if (end == line || end[0] != ' ' ||
		    (end[1] != 't' && end[1] != 'T') || end[2] != ' ')
			continue;
		if (split_mod(end + 3, &name, &mod) < 0 || addr == 0)
			continue;
		if (set_has(&set, mod, name))
			fbt_add(b, addr, mod, name, &modoff, lastmod);
	}
	fclose(fp);
	set_free(&set);
	return 0;
}

/* Could description d name an fbt probe? */
static int maybe_fbt(const struct dtrace_probedesc *d)
{
	return d->id == 0 && fnmatch(d->provider[0] ? d->provider : "*",
				     "fbt", 0) == 0;
}

int dt_fbt_supply(int fd, const struct dtrace_probedesc *descs, int n)
{
	struct dtrace_ioc_fbtsyms r;
	struct fbt_buf b = { 0 };
	int i, need = n == 0;

	for (i = 0; i < n && !need; i++)
		need = maybe_fbt(&descs[i]);
	if (!need)
		return 0;
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.version = DTRACE_ABI_VERSION;
	if (ioctl(fd, DTRACEIOC_FBTSYMS, &r) < 0)
		return 0;		/* no fbt provider in this module */
	if (r.flags & DTRACE_FBT_KERNEL)
		return 0;
	if (fbt_collect(&b) < 0) {
		dt_error("fbt: cannot read the kernel's traceable functions "
			 "(tracefs available_filter_functions, "
			 "/proc/kallsyms): %s\n", strerror(errno));
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.version = DTRACE_ABI_VERSION;
	r.nsyms = (uint32_t)b.nsyms;
	r.strsize = (uint32_t)b.strlen;
	r.syms = (uint64_t)(uintptr_t)b.syms;
	r.strtab = (uint64_t)(uintptr_t)b.str;
	if (b.nsyms && ioctl(fd, DTRACEIOC_FBTSYMS, &r) < 0) {
		dt_error("fbt: the module refused the kernel's function "
			 "list: %s\n", strerror(errno));
		free(b.syms);
		free(b.str);
		return -1;
	}
	if (r.rejected)
		dt_error("fbt: %u kernel functions rejected by the module, "
			 "first: %s\n", r.rejected, r.err_msg);
	if (getenv("DTRACE_DEBUG_FBT"))
		fprintf(stderr, "fbt: %zu entries: %u added, %u known, "
			"%u without ftrace site, %u excluded, %u rejected; "
			"%u functions\n", b.nsyms, r.added, r.known, r.nosite,
			r.excluded, r.rejected, r.nfuncs);
	free(b.syms);
	free(b.str);
	return 0;
}
