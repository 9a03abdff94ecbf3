// SPDX-License-Identifier: GPL-2.0
/*
 * consumer.c - /dev/dtrace ioctl wrappers of consumer.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"

void msleep(unsigned int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

__u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (__u64)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int cpu_online(int n)
{
	char path[64], c = '1';
	int fd;

	if (n == 0)
		return 1;
	snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d/online", n);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/cpu%d", n);
		return access(path, F_OK) == 0;
	}
	if (read(fd, &c, 1) != 1)
		c = '0';
	close(fd);
	return c == '1';
}

int cpus_online(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

int c_open(struct consumer *c)
{
	memset(c, 0, sizeof(*c));
	c->fd = open(DTRACE_DEVICE, O_RDWR | O_CLOEXEC);
	if (c->fd < 0)
		return -errno;
	c->info.size = sizeof(c->info);
	c->info.version = DTRACE_ABI_VERSION;
	if (ioctl(c->fd, DTRACEIOC_INFO, &c->info) < 0) {
		int e = -errno;

		close(c->fd);
		c->fd = -1;
		return e;
	}
	c->ncpus = c->info.ncpus;
	c->bufsize = c->info.bufsize_default;
	c->aggsize = c->info.aggsize_default;
	return 0;
}

void c_close(struct consumer *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

int c_enable_blob(struct consumer *c, const void *blob, size_t len)
{
	memset(&c->en, 0, sizeof(c->en));
	c->en.size = sizeof(c->en);
	c->en.version = DTRACE_ABI_VERSION;
	c->en.blob = (__u64)(unsigned long)blob;
	c->en.bloblen = len;
	if (ioctl(c->fd, DTRACEIOC_ENABLE, &c->en) < 0)
		return -errno;
	return 0;
}

int c_enable(struct consumer *c, struct enabling *e)
{
	size_t len;
	void *blob = en_blob(e, &len);
	int r = c_enable_blob(c, blob, len);

	free(blob);
	if (!r) {
		if (e->h.bufsize && e->h.bufsize > c->bufsize)
			c->bufsize = e->h.bufsize;
		if (e->h.aggsize && e->h.aggsize > c->aggsize)
			c->aggsize = e->h.aggsize;
	}
	return r;
}

static int c_statusop(struct consumer *c, unsigned long op,
		      struct dtrace_ioc_status *st)
{
	struct dtrace_ioc_status tmp;

	if (!st)
		st = &tmp;
	memset(st, 0, sizeof(*st));
	st->size = sizeof(*st);
	st->version = DTRACE_ABI_VERSION;
	if (ioctl(c->fd, op, st) < 0)
		return -errno;
	return 0;
}

int c_go(struct consumer *c, struct dtrace_ioc_status *st)
{
	return c_statusop(c, DTRACEIOC_GO, st);
}

int c_stop(struct consumer *c, struct dtrace_ioc_status *st)
{
	return c_statusop(c, DTRACEIOC_STOP, st);
}

int c_status(struct consumer *c, struct dtrace_ioc_status *st)
{
	return c_statusop(c, DTRACEIOC_STATUS, st);
}

int c_epinfo(struct consumer *c, __u32 epid, struct dtrace_ioc_epinfo *ei)
{
	memset(ei, 0, sizeof(*ei));
	ei->size = sizeof(*ei);
	ei->version = DTRACE_ABI_VERSION;
	ei->epid = epid;
	if (ioctl(c->fd, DTRACEIOC_EPINFO, ei) < 0)
		return -errno;
	return 0;
}

int c_clause_of(struct consumer *c, __u32 epid)
{
	struct dtrace_ioc_epinfo ei;

	if (epid == DTRACE_EPID_ERROR || c_epinfo(c, epid, &ei))
		return -1;
	return (int)ei.clause;
}

static void recs_add(struct recs *r, const struct rec *x)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->r = realloc(r->r, r->cap * sizeof(*r->r));
		if (!r->r) {
			perror("realloc");
			exit(2);
		}
	}
	r->r[r->n++] = *x;
}

int c_bufsnap(struct consumer *c, struct recs *r)
{
	int cpu;

	for (cpu = 0; cpu < c->ncpus; cpu++) {
		struct dtrace_ioc_buf b;
		__u64 room = c->bufsize ? c->bufsize * 2 : 1 << 20;
		char *mem = malloc(room);
		__u64 off = 0;
		int idx = 0;

		if (!mem) {
			perror("malloc");
			exit(2);
		}
		memset(&b, 0, sizeof(b));
		b.size = sizeof(b);
		b.version = DTRACE_ABI_VERSION;
		b.cpu = cpu;
		b.data = (__u64)(unsigned long)mem;
		b.datalen = room;
		if (ioctl(c->fd, DTRACEIOC_BUFSNAP, &b) < 0) {
			if (cpu_online(cpu)) {
				fprintf(stdout, "# BUFSNAP cpu %d: %s\n", cpu,
					strerror(errno));
				r->errors++;
			}
			free(mem);
			continue;
		}
		r->nsnaps++;
		r->drops += b.drops;
		if (r->nmem < 1024)
			r->mem[r->nmem++] = mem;
		if (b.datalen > room) {
			r->bad++;
			continue;
		}
		while (off < b.datalen) {
			struct dtrace_rechdr h;
			struct rec x;

			if (b.datalen - off < sizeof(h)) {
				r->bad++;
				break;
			}
			memcpy(&h, mem + off, sizeof(h));
			if (h.size < sizeof(h) || h.size > b.datalen - off) {
				r->bad++;
				break;
			}
			x.cpu = cpu;
			x.index = idx++;
			x.epid = h.epid;
			x.size = h.size;
			x.timestamp = h.timestamp;
			x.data = (unsigned char *)mem + off + sizeof(h);
			recs_add(r, &x);
			off += (h.size + 7) & ~7U;
		}
	}
	return r->errors ? -1 : 0;
}

void recs_free(struct recs *r)
{
	int i;

	for (i = 0; i < r->nmem; i++)
		free(r->mem[i]);
	free(r->r);
	memset(r, 0, sizeof(*r));
}

static void aggs_add(struct aggs *a, const struct aggrec *x)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 256;
		a->a = realloc(a->a, a->cap * sizeof(*a->a));
		if (!a->a) {
			perror("realloc");
			exit(2);
		}
	}
	a->a[a->n++] = *x;
}

int c_aggsnap(struct consumer *c, struct aggs *a)
{
	int cpu;

	for (cpu = 0; cpu < c->ncpus; cpu++) {
		struct dtrace_ioc_buf b;
		__u64 room = c->aggsize ? c->aggsize : 1 << 20;
		char *mem = malloc(room);
		__u64 off = 0;

		if (!mem) {
			perror("malloc");
			exit(2);
		}
		memset(&b, 0, sizeof(b));
		b.size = sizeof(b);
		b.version = DTRACE_ABI_VERSION;
		b.cpu = cpu;
		b.data = (__u64)(unsigned long)mem;
		b.datalen = room;
		if (ioctl(c->fd, DTRACEIOC_AGGSNAP, &b) < 0) {
			if (cpu_online(cpu)) {
				fprintf(stdout, "# AGGSNAP cpu %d: %s\n", cpu,
					strerror(errno));
				a->errors++;
			}
			free(mem);
			continue;
		}
		if (a->nmem < 1024)
			a->mem[a->nmem++] = mem;
		if (b.datalen > room) {
			a->bad++;
			continue;
		}
		while (off < b.datalen) {
			struct dtrace_aggrec h;
			struct aggrec x;
			__u32 k8;

			if (b.datalen - off < sizeof(h)) {
				a->bad++;
				break;
			}
			memcpy(&h, mem + off, sizeof(h));
			k8 = (h.keysize + 7) & ~7U;
			if (h.size % 8 || h.size > b.datalen - off ||
			    h.size != sizeof(h) + k8 + h.valsize ||
			    h.valsize % 8) {
				a->bad++;
				break;
			}
			x.cpu = cpu;
			x.aggid = h.aggid;
			x.keysize = h.keysize;
			x.valsize = h.valsize;
			x.key = (unsigned char *)mem + off + sizeof(h);
			x.val = (const __s64 *)(mem + off + sizeof(h) + k8);
			aggs_add(a, &x);
			off += h.size;
		}
	}
	return a->errors ? -1 : 0;
}

void aggs_free(struct aggs *a)
{
	int i;

	for (i = 0; i < a->nmem; i++)
		free(a->mem[i]);
	free(a->a);
	memset(a, 0, sizeof(*a));
}
