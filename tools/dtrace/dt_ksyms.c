// SPDX-License-Identifier: GPL-2.0
/*
 * dt_ksyms.c - kernel symbols for stack(), %a and %k, read from
 * /proc/kallsyms ("ADDR TYPE NAME [MODULE]").  Symbols of the kernel image
 * are reported in module "vmlinux", as DTrace on Linux does.
 *
 * The table is loaded lazily on the first lookup and kept sorted by
 * address; a lookup is a binary search for the last symbol at or below the
 * address, limited to symbols of the same module as the next one so that
 * an address past the end of a module's last symbol is not attributed to
 * it by accident.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "dt_cmd.h"

struct ksym {
	uint64_t addr;
	char *name;
	const char *mod;
};

static struct ksym *ksyms;
static size_t nksyms;
static int ksyms_tried;
static char **mods;
static size_t nmods;

static const char *intern_mod(const char *m)
{
	size_t i;
	char **n;

	for (i = 0; i < nmods; i++)
		if (strcmp(mods[i], m) == 0)
			return mods[i];
	n = realloc(mods, (nmods + 1) * sizeof(*mods));
	if (n == NULL)
		return "vmlinux";
	mods = n;
	mods[nmods] = strdup(m);
	if (mods[nmods] == NULL)
		return "vmlinux";
	return mods[nmods++];
}

static int ksym_cmp(const void *a, const void *b)
{
	const struct ksym *x = a, *y = b;

	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	return strcmp(x->name, y->name);
}

void dt_ksyms_free(void)
{
	size_t i;

	for (i = 0; i < nksyms; i++)
		free(ksyms[i].name);
	free(ksyms);
	for (i = 0; i < nmods; i++)
		free(mods[i]);
	free(mods);
	ksyms = NULL;
	mods = NULL;
	nksyms = nmods = 0;
}

int dt_ksyms_load(const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[1024];
	size_t cap = 0;

	ksyms_tried = 1;
	if (fp == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp)) {
		char type, name[512], mod[256];
		unsigned long long addr;
		int n;
		struct ksym *k;

		mod[0] = '\0';
		n = sscanf(line, "%llx %c %511s [%255[^]]]", &addr, &type,
			   name, mod);
		if (n < 3 || addr == 0 || type == 'U' || type == 'u')
			continue;
		if (nksyms == cap) {
			cap = cap ? cap * 2 : 4096;
			k = realloc(ksyms, cap * sizeof(*ksyms));
			if (k == NULL)
				break;
			ksyms = k;
		}
		k = &ksyms[nksyms];
		k->addr = addr;
		k->name = strdup(name);
		if (k->name == NULL)
			break;
		k->mod = intern_mod(n == 4 ? mod : "vmlinux");
		nksyms++;
	}
	fclose(fp);
	if (nksyms)
		qsort(ksyms, nksyms, sizeof(*ksyms), ksym_cmp);
	return nksyms ? 0 : -1;
}

static const struct ksym *ksym_lookup(uint64_t pc)
{
	size_t lo = 0, hi;

	if (!ksyms_tried)
		dt_ksyms_load("/proc/kallsyms");
	hi = nksyms;
	if (hi == 0 || pc < ksyms[0].addr)
		return NULL;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (ksyms[mid].addr <= pc)
			lo = mid;
		else
			hi = mid;
	}
	/* The last symbol of all: accept only a short distance. */
	if (lo == nksyms - 1 && pc - ksyms[lo].addr > 0x100000)
		return NULL;
	return &ksyms[lo];
}

const char *dt_ksym_module(uint64_t pc)
{
	const struct ksym *k = ksym_lookup(pc);

	return k ? k->mod : NULL;
}

char *dt_ksym_addr(uint64_t pc, char *buf, size_t len, int with_offset)
{
	const struct ksym *k = ksym_lookup(pc);

	if (k == NULL)
		snprintf(buf, len, "0x%" PRIx64, pc);
	else if (pc > k->addr && with_offset)
		snprintf(buf, len, "%s`%s+0x%" PRIx64, k->mod, k->name,
			 pc - k->addr);
	else
		snprintf(buf, len, "%s`%s", k->mod, k->name);
	return buf;
}
