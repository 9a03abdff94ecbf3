/* SPDX-License-Identifier: GPL-2.0 */
/*
 * consumer.h - thin wrappers around the /dev/dtrace ioctls for the ioctl
 * test program: open, enable, go, stop, status, and snapshots of the
 * principal buffers and aggregations of every CPU, decoded.
 */
#ifndef CONSUMER_H
#define CONSUMER_H

#include <stddef.h>
#include <linux/types.h>
#include "dtrace.h"
#include "enabling.h"

struct consumer {
	int fd;
	struct dtrace_ioc_info info;
	struct dtrace_ioc_enable en;	/* result of the last ENABLE */
	int ncpus;			/* info.ncpus */
	__u64 bufsize;			/* room for BUFSNAP per CPU */
	__u64 aggsize;			/* room for AGGSNAP per CPU */
};

/* One principal-buffer record. */
struct rec {
	int cpu;
	int index;			/* position in its CPU's snapshot */
	__u32 epid;
	__u32 size;			/* header included */
	__u64 timestamp;
	const unsigned char *data;	/* size - sizeof(rechdr) bytes */
};

struct recs {
	struct rec *r;
	int n, cap;
	__u64 drops;			/* sum of the drops of every CPU */
	int nsnaps;			/* CPUs snapshotted */
	int errors;			/* snapshots that failed unexpectedly */
	int bad;			/* malformed records seen */
	char *mem[1024];		/* snapshot buffers (freed by recs_free) */
	int nmem;
};

/* One aggregation record (a delta from one CPU). */
struct aggrec {
	int cpu;
	__u32 aggid;
	__u32 keysize;
	__u32 valsize;
	const unsigned char *key;
	const __s64 *val;
};

struct aggs {
	struct aggrec *a;
	int n, cap;
	int errors;
	int bad;
	char *mem[1024];
	int nmem;
};

int c_open(struct consumer *c);
void c_close(struct consumer *c);
/* ENABLE a blob; 0 or -errno.  Result (err_msg, nepids) in c->en. */
int c_enable_blob(struct consumer *c, const void *blob, size_t len);
int c_enable(struct consumer *c, struct enabling *e);
int c_go(struct consumer *c, struct dtrace_ioc_status *st);
int c_stop(struct consumer *c, struct dtrace_ioc_status *st);
int c_status(struct consumer *c, struct dtrace_ioc_status *st);
int c_epinfo(struct consumer *c, __u32 epid, struct dtrace_ioc_epinfo *ei);
/* Clause index of an EPID (-1 if unknown). */
int c_clause_of(struct consumer *c, __u32 epid);
/* Snapshot every CPU's principal buffer, appending to r. */
int c_bufsnap(struct consumer *c, struct recs *r);
void recs_free(struct recs *r);
/* Snapshot every CPU's aggregations, appending to a. */
int c_aggsnap(struct consumer *c, struct aggs *a);
void aggs_free(struct aggs *a);
/* Whether CPU n is online (sysfs; CPU 0 always). */
int cpu_online(int n);
int cpus_online(void);

static inline __u64 rec_u64(const struct rec *r, __u32 off)
{
	__u64 v = 0;

	if (off + 8 <= r->size - sizeof(struct dtrace_rechdr))
		__builtin_memcpy(&v, r->data + off, 8);
	return v;
}

void msleep(unsigned int ms);
__u64 now_ns(void);

#endif /* CONSUMER_H */
