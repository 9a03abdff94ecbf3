// SPDX-License-Identifier: GPL-2.0
/*
 * dt_list.c - dtrace -l: probe descriptions from -P/-m/-f/-n/-i arguments
 * and the listing itself (DTRACEIOC_PROBES), in DTrace's layout:
 *
 *    ID   PROVIDER            MODULE                          FUNCTION NAME
 *     1     dtrace                                                     BEGIN
 *
 * With -v each probe is followed by its stability attributes and argument
 * types; the module does not report those, so the attributes are DTrace's
 * documented ones per provider and the argument types are not known.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dt_cmd.h"

static int copy_field(char *dst, size_t len, const char *s, size_t n)
{
	if (n >= len)
		return -1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

int dt_pdesc_parse(const char *s, int spec, struct dtrace_probedesc *pd)
{
	const char *fields[4];
	size_t lens[4];
	int nf = 0, i, slot;
	const char *p = s, *start = s;
	char *dst[4];
	size_t dlen[4];

	memset(pd, 0, sizeof(*pd));
	dst[0] = pd->provider; dlen[0] = sizeof(pd->provider);
	dst[1] = pd->mod; dlen[1] = sizeof(pd->mod);
	dst[2] = pd->func; dlen[2] = sizeof(pd->func);
	dst[3] = pd->name; dlen[3] = sizeof(pd->name);

	/* -i: a probe ID. */
	if (spec == -1) {
		char *end;
		unsigned long v = strtoul(s, &end, 10);

		if (*s == '\0' || *end != '\0' || v == 0 || v > 0xffffffffUL)
			return -1;
		pd->id = (uint32_t)v;
		return 0;
	}
	for (;; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			continue;
		}
		if (*p == ':' || *p == '\0') {
			if (nf == 4)
				return -1;
			fields[nf] = start;
			lens[nf++] = (size_t)(p - start);
			if (*p == '\0')
				break;
			start = p + 1;
		}
	}
	/* The last field lands on the spec's position, the rest before it. */
	switch (spec) {
	case DT_SPEC_PROVIDER:
		slot = 0;
		break;
	case DT_SPEC_MOD:
		slot = 1;
		break;
	case DT_SPEC_FUNC:
		slot = 2;
		break;
	default:
		slot = 3;
	}
	if (nf > slot + 1)
		return -1;
	for (i = 0; i < nf; i++) {
		int d = slot - (nf - 1 - i);

		if (copy_field(dst[d], dlen[d], fields[i], lens[i]) < 0)
			return -1;
	}
	return 0;
}

static void print_attrs(const struct dtrace_probedesc *pd)
{
	const char *name = "Private", *data = "Private", *cls = "Unknown";

	if (strcmp(pd->provider, "dtrace") == 0) {
		name = data = "Stable";
		cls = "Common";
	} else if (strcmp(pd->provider, "syscall") == 0 ||
		   strcmp(pd->provider, "profile") == 0) {
		name = data = "Evolving";
		cls = "Common";
	} else if (strcmp(pd->provider, "fbt") == 0) {
		cls = "ISA";
	}
	fprintf(dt_out, "\n\tProbe Description Attributes\n");
	fprintf(dt_out, "\t\tIdentifier Names: %s\n", name);
	fprintf(dt_out, "\t\tData Semantics:   %s\n", data);
	fprintf(dt_out, "\t\tDependency Class: %s\n", cls);
	fprintf(dt_out, "\n\tArgument Attributes\n");
	fprintf(dt_out, "\t\tIdentifier Names: %s\n", name);
	fprintf(dt_out, "\t\tData Semantics:   %s\n", data);
	fprintf(dt_out, "\t\tDependency Class: %s\n", cls);
	fprintf(dt_out, "\n\tArgument Types\n");
	fprintf(dt_out, "\t\tNone\n");
	fprintf(dt_out, "\n");
}

static int list_one(int fd, const struct dtrace_probedesc *match, int verbose)
{
	struct dtrace_probedesc *buf;
	struct dtrace_ioc_probes req;
	const unsigned int room = 512;
	uint32_t start = 1;
	int total = 0;

	buf = calloc(room, sizeof(*buf));
	if (buf == NULL)
		return -1;
	for (;;) {
		unsigned int i;

		memset(&req, 0, sizeof(req));
		req.size = sizeof(req);
		req.version = DTRACE_ABI_VERSION;
		req.match = *match;
		req.start = start;
		req.count = room;
		req.probes = (uint64_t)(uintptr_t)buf;
		if (ioctl(fd, DTRACEIOC_PROBES, &req) < 0) {
			dt_error("failed to list probes: %s\n",
				 strerror(errno));
			free(buf);
			return -1;
		}
		for (i = 0; i < req.count && i < room; i++) {
			const struct dtrace_probedesc *p = &buf[i];

			if (match->id && p->id != match->id)
				continue;
			fprintf(dt_out, "%5u %10s %17s %33s %s\n", p->id,
				p->provider, p->mod, p->func, p->name);
			if (verbose)
				print_attrs(p);
			total++;
		}
		if (req.next == 0 || req.next <= start)
			break;
		start = req.next;
	}
	free(buf);
	return total;
}

int dt_list_probes(int fd, const struct dtrace_probedesc *descs, int n,
		   int verbose)
{
	struct dtrace_probedesc all;
	int i, rc = 0;

	fprintf(dt_out, "%5s %10s %17s %33s %s\n", "ID", "PROVIDER", "MODULE",
		"FUNCTION", "NAME");
	if (n == 0) {
		memset(&all, 0, sizeof(all));
		return list_one(fd, &all, verbose) < 0 ? 1 : 0;
	}
	for (i = 0; i < n; i++) {
		const struct dtrace_probedesc *d = &descs[i];
		int r = list_one(fd, d, verbose);

		if (r < 0) {
			rc = 1;
		} else if (r == 0) {
			fflush(dt_out);
			if (d->id)
				dt_error("failed to match %u: No probe matches "
					 "description\n", d->id);
			else
				dt_error("failed to match %s:%s:%s:%s: No probe "
					 "matches description\n", d->provider,
					 d->mod, d->func, d->name);
		}
	}
	return rc;
}
