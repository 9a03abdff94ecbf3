// SPDX-License-Identifier: GPL-2.0
/*
 * dt_sdt.c - hands the sdt provider the kernel's trace event names.
 *
 * dtrace.ko sees the kernel's tracepoints but not the groups of their
 * trace events (the kernel's event list is not exported to modules), so
 * before probes are listed or enabled, when a description could name an
 * sdt probe, dtrace(1) reads tracefs available_events ("group:event" per
 * line) and passes the pairs with DTRACEIOC_SDTNAMES.  The module checks
 * every pair against the kernel's event registry and makes the probe
 * sdt:group::event.  As in Oracle's DTrace for Linux, the groups syscalls
 * (the syscall provider), kprobes and uprobes are not sdt probes and are
 * not passed.  Once the module has the kernel's names (DTRACE_SDT_KERNEL)
 * this is skipped: it finds the events of modules loaded later itself.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include "dt_cmd.h"

/* Groups of available_events that are not sdt probes. */
static int skip_group(const char *g)
{
	static const char *const skip[] = { "syscalls", "kprobes", "uprobes" };
	unsigned int i;

	for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++) {
		if (strcmp(g, skip[i]) == 0)
			return 1;
	}
	return 0;
}

/* Could description d name an sdt probe? */
static int maybe_sdt(const struct dtrace_probedesc *d)
{
	return d->id == 0 && fnmatch(d->provider[0] ? d->provider : "*",
				     "sdt", 0) == 0;
}

int dt_sdt_supply(int fd, const struct dtrace_probedesc *descs, int n)
{
	struct dtrace_ioc_sdtnames r;
	char *str = NULL, *line = NULL;
	size_t len = 0, cap = 0, lcap = 0;
	uint32_t npairs = 0;
	int i, need = n == 0;
	FILE *fp;

	for (i = 0; i < n && !need; i++)
		need = maybe_sdt(&descs[i]);
	if (!need)
		return 0;
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.version = DTRACE_ABI_VERSION;
	if (ioctl(fd, DTRACEIOC_SDTNAMES, &r) < 0)
		return 0;		/* no sdt provider in this module */
	if (r.flags & DTRACE_SDT_KERNEL)
		return 0;
	fp = dt_tracefs_open("available_events");
	if (fp == NULL) {
		dt_error("sdt: cannot read tracefs available_events: %s\n",
			 strerror(errno));
		return -1;
	}
	while (getline(&line, &lcap, fp) >= 0) {
		char *ev = strchr(line, ':'), *nl;
		size_t need_b;

		if (ev == NULL)
			continue;
		*ev++ = '\0';
		nl = strchr(ev, '\n');
		if (nl)
			*nl = '\0';
		if (!*line || !*ev || skip_group(line))
			continue;
		need_b = strlen(line) + strlen(ev) + 2;
		if (len + need_b > cap) {
			cap = cap ? cap * 2 : 1 << 16;
			while (cap < len + need_b)
				cap *= 2;
			str = realloc(str, cap);
			if (str == NULL) {
				dt_error("failed to allocate memory\n");
				exit(1);
			}
		}
		memcpy(str + len, line, strlen(line) + 1);
		len += strlen(line) + 1;
		memcpy(str + len, ev, strlen(ev) + 1);
		len += strlen(ev) + 1;
		npairs++;
	}
	free(line);
	fclose(fp);
	if (npairs == 0) {
		free(str);
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.size = sizeof(r);
	r.version = DTRACE_ABI_VERSION;
	r.nnames = npairs;
	r.strsize = (uint32_t)len;
	r.strtab = (uint64_t)(uintptr_t)str;
	r.flags = DTRACE_SDT_KERNEL;	/* the whole of available_events */
	if (ioctl(fd, DTRACEIOC_SDTNAMES, &r) < 0) {
		dt_error("sdt: the module refused the kernel's event names: "
			 "%s\n", strerror(errno));
		free(str);
		return -1;
	}
	if (getenv("DTRACE_DEBUG_SDT"))
		fprintf(stderr, "sdt: %u events: %u added, %u known, "
			"%u not kernel tracepoints, %u rejected; %u probes\n",
			npairs, r.added, r.known, r.notp, r.rejected,
			r.nprobes);
	free(str);
	return 0;
}
