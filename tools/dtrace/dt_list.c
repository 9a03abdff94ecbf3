// SPDX-License-Identifier: GPL-2.0
/*
 * dt_list.c - dtrace -l: probe descriptions from -P/-m/-f/-n/-i arguments
 * and the listing itself (DTRACEIOC_PROBES), in DTrace's layout:
 *
 *    ID   PROVIDER            MODULE                          FUNCTION NAME
 *     1     dtrace                                                     BEGIN
 *
 * With -v each probe is followed by its stability attributes and argument
 * types.  The attributes come from the module's provider table
 * (DTRACEIOC_PROVIDER), combined as DTrace combines them: a description's
 * attributes are the minimum of its provider's and those of each module,
 * function and name field that is given and not a pattern; a description
 * without a provider, or with a pattern there, gets DTrace's Unstable
 * default.  Argument types: fbt's, sdt's (the tracepoint's prototype)
 * and syscall entry's from the kernel's BTF (dt_kbtf.c), those of the
 * providers that describe their arguments (proc, sched, io) from the
 * module (DTRACEIOC_PROBEARG: the translated and the native type).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "dt_cmd.h"
#include "dt_kbtf.h"

/* -P, -m, -f, -n: the compiler's parser (dt_parse_pdesc_at); -i: an ID. */
int dt_pdesc_parse(const char *s, int spec, struct dtrace_probedesc *pd)
{
	static const int last[] = {
		[DT_SPEC_PROVIDER] = 0, [DT_SPEC_MOD] = 1,
		[DT_SPEC_FUNC] = 2, [DT_SPEC_NAME] = 3,
	};

	if (spec == -1) {
		char *end;
		unsigned long v = strtoul(s, &end, 10);

		memset(pd, 0, sizeof(*pd));
		if (*s == '\0' || *end != '\0' || v == 0 || v > 0xffffffffUL)
			return -1;
		pd->id = (uint32_t)v;
		return 0;
	}
	if (spec < 0 || spec > 3)
		spec = DT_SPEC_NAME;
	return dt_parse_pdesc_at(s, last[spec], pd);
}

/* ---- stability attributes ---- */

static const char *const stability_names[] = {
	"Internal", "Private", "Obsolete", "External", "Unstable", "Evolving",
	"Stable", "Standard",
};

static const char *const class_names[] = {
	"Unknown", "CPU", "Platform", "Group", "ISA", "Common",
};

const char *dt_stability_name(unsigned int s)
{
	return s < sizeof(stability_names) / sizeof(stability_names[0]) ?
	       stability_names[s] : "Unknown";
}

const char *dt_class_name(unsigned int c)
{
	return c < sizeof(class_names) / sizeof(class_names[0]) ?
	       class_names[c] : "Unknown";
}

struct dtrace_attribute dt_attr_min(struct dtrace_attribute a,
				    struct dtrace_attribute b)
{
	struct dtrace_attribute m = { 0 };

	m.name = a.name < b.name ? a.name : b.name;
	m.data = a.data < b.data ? a.data : b.data;
	m.dclass = a.dclass < b.dclass ? a.dclass : b.dclass;
	return m;
}

static int is_pattern(const char *s)
{
	return s[0] == '\0' || strpbrk(s, "*?[\\") != NULL;
}

/* DTrace's attributes for a description naming no single provider. */
static const struct dtrace_attribute attr_unstable = {
	DTRACE_STABILITY_UNSTABLE, DTRACE_STABILITY_UNSTABLE,
	DTRACE_CLASS_COMMON, 0
};

/* A few providers' attributes, asked of the module once each. */
static struct {
	char name[DTRACE_PROVNAMELEN];
	int found;
	struct dtrace_pattr attr;
} pattr_cache[16];
static unsigned int pattr_ncache;

static int provider_attr(int fd, const char *name, struct dtrace_pattr *pa)
{
	struct dtrace_ioc_provider req;
	unsigned int i;

	for (i = 0; i < pattr_ncache; i++) {
		if (strcmp(pattr_cache[i].name, name) == 0) {
			*pa = pattr_cache[i].attr;
			return pattr_cache[i].found;
		}
	}
	memset(&req, 0, sizeof(req));
	req.size = sizeof(req);
	req.version = DTRACE_ABI_VERSION;
	snprintf(req.name, sizeof(req.name), "%s", name);
	if (fd < 0 || ioctl(fd, DTRACEIOC_PROVIDER, &req) < 0)
		return 0;
	*pa = req.attr;
	if (pattr_ncache < sizeof(pattr_cache) / sizeof(pattr_cache[0])) {
		snprintf(pattr_cache[pattr_ncache].name,
			 sizeof(pattr_cache[0].name), "%s", name);
		pattr_cache[pattr_ncache].found = 1;
		pattr_cache[pattr_ncache].attr = req.attr;
		pattr_ncache++;
	}
	return 1;
}

void dt_desc_attr(int fd, const struct dtrace_probedesc *pd,
		  struct dtrace_attribute *desc, struct dtrace_attribute *args)
{
	struct dtrace_pattr pa;

	if (is_pattern(pd->provider) || !provider_attr(fd, pd->provider, &pa)) {
		*desc = attr_unstable;
		*args = attr_unstable;
		return;
	}
	*desc = pa.provider;
	if (!is_pattern(pd->mod))
		*desc = dt_attr_min(*desc, pa.mod);
	if (!is_pattern(pd->func))
		*desc = dt_attr_min(*desc, pa.func);
	if (!is_pattern(pd->name))
		*desc = dt_attr_min(*desc, pa.name);
	*args = pa.args;
}

static void print_attr(const char *title, struct dtrace_attribute a)
{
	fprintf(dt_out, "\n\t%s\n", title);
	fprintf(dt_out, "\t\tIdentifier Names: %s\n", dt_stability_name(a.name));
	fprintf(dt_out, "\t\tData Semantics:   %s\n", dt_stability_name(a.data));
	fprintf(dt_out, "\t\tDependency Class: %s\n", dt_class_name(a.dclass));
}

/*
 * The module's description of argument ndx of probe id
 * (DTRACEIOC_PROBEARG): 0, or -1 if the probe's provider gives none.
 */
int dt_probe_argdesc(int fd, uint32_t id, uint32_t ndx,
		     struct dtrace_ioc_probearg *a)
{
	memset(a, 0, sizeof(*a));
	a->size = sizeof(*a);
	a->version = DTRACE_ABI_VERSION;
	a->id = id;
	a->ndx = ndx;
	if (fd < 0 || ioctl(fd, DTRACEIOC_PROBEARG, a) < 0)
		return -1;
	return 0;
}

/*
 * For the compiler (dt_compile_opts.argdesc): the module's description of
 * argument idx of the first probe prov:mod:func:name matches (patterns
 * allowed, empty fields match all).  The device is opened on first use,
 * quietly: without it (a compile-only run on a machine without the
 * module) -1, and args[] stay untyped.  0, or -1 if unknown.
 */
static int argdesc_fd = -2;

int dt_desc_argtype(const char *prov, const char *mod, const char *func,
		    const char *name, int idx, char *native, char *xlate,
		    size_t len)
{
	struct dtrace_ioc_probes req;
	struct dtrace_probedesc pd;
	struct dtrace_ioc_probearg a;

	if (argdesc_fd == -2)
		argdesc_fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);
	if (argdesc_fd < 0 || idx < 0)
		return -1;
	memset(&req, 0, sizeof(req));
	memset(&pd, 0, sizeof(pd));
	req.size = sizeof(req);
	req.version = DTRACE_ABI_VERSION;
	snprintf(req.match.provider, sizeof(req.match.provider), "%s", prov);
	snprintf(req.match.mod, sizeof(req.match.mod), "%s", mod);
	snprintf(req.match.func, sizeof(req.match.func), "%s", func);
	snprintf(req.match.name, sizeof(req.match.name), "%s", name);
	req.count = 1;
	req.probes = (uint64_t)(uintptr_t)&pd;
	if (ioctl(argdesc_fd, DTRACEIOC_PROBES, &req) < 0 || req.count < 1 ||
	    dt_probe_argdesc(argdesc_fd, pd.id, (uint32_t)idx, &a) < 0 ||
	    (uint32_t)idx >= a.nargs || !a.native[0])
		return -1;
	snprintf(native, len, "%s", a.native);
	snprintf(xlate, len, "%s", a.xlate);
	return 0;
}

/* The compiler is done: close the device dt_desc_argtype opened. */
void dt_desc_argtype_done(void)
{
	if (argdesc_fd >= 0)
		close(argdesc_fd);
	argdesc_fd = -2;
}

/*
 * Argument types a provider describes itself (proc, sched, io): the
 * translated type as DTrace lists it, and the native type it comes from.
 * Returns the number of arguments, -1 if the provider describes none.
 */
static int print_module_argtypes(int fd, const struct dtrace_probedesc *pd)
{
	struct dtrace_ioc_probearg a;
	uint32_t i, n;

	if (dt_probe_argdesc(fd, pd->id, 0, &a) < 0)
		return -1;
	n = a.nargs;
	for (i = 0; i < n && i < DTRACE_MAXARGS; i++) {
		if (i > 0 && dt_probe_argdesc(fd, pd->id, i, &a) < 0)
			break;
		if (a.xlate[0])
			fprintf(dt_out, "\t\targs[%u]: %s (from %s)\n", i,
				a.xlate, a.native);
		else
			fprintf(dt_out, "\t\targs[%u]: %s\n", i, a.native);
	}
	return (int)n;
}

/*
 * "Argument Types", "args[N]: TYPE" per argument as DTrace lists them:
 * fbt's, sdt's and syscall entry's from the kernel's prototypes
 * (dt_kbtf.c), the other providers' from the module; None where no type
 * is known.
 */
static void print_argtypes(int fd, const struct dtrace_probedesc *pd)
{
	struct dt_kbtf_arg args[DTRACE_MAXARGS];
	int i, n;

	fprintf(dt_out, "\n\tArgument Types\n");
	n = dt_kbtf_probe_args(pd->provider, pd->mod, pd->func, pd->name,
			       args, DTRACE_MAXARGS);
	if (n < 0) {
		n = print_module_argtypes(fd, pd);
		if (n > 0)
			return;
	}
	if (n <= 0) {
		fprintf(dt_out, "\t\tNone\n");
		return;
	}
	for (i = 0; i < n; i++)
		fprintf(dt_out, "\t\targs[%d]: %s\n", i, args[i].text);
}

static void print_attrs(int fd, const struct dtrace_probedesc *pd)
{
	struct dtrace_attribute desc, args;

	dt_desc_attr(fd, pd, &desc, &args);
	print_attr("Probe Description Attributes", desc);
	print_attr("Argument Attributes", args);
	print_argtypes(fd, pd);
	fprintf(dt_out, "\n");
}

/* verbose < 0: count the matches, print nothing */
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
			total++;
			if (verbose < 0)
				continue;
			fprintf(dt_out, "%5u %10s %17s %33s %s\n", p->id,
				p->provider, p->mod, p->func, p->name);
			if (verbose)
				print_attrs(fd, p);
		}
		if (req.next == 0 || req.next <= start)
			break;
		start = req.next;
	}
	free(buf);
	return total;
}

/* The number of probes that match (providing them first), -1 on error. */
int dt_count_probes(int fd, const struct dtrace_probedesc *match)
{
	return list_one(fd, match, -1);
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
			/* DTrace's dfatal(): exit 1, list no further. */
			return 1;
		}
	}
	return rc;
}
