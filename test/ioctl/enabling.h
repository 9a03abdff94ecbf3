/* SPDX-License-Identifier: GPL-2.0 */
/*
 * enabling.h - build DTRACEIOC_ENABLE blobs (dtrace.h section 4) from
 * clauses, actions and DIF objects, and remember where each piece landed
 * so tests can corrupt a chosen field of a valid blob.
 */
#ifndef ENABLING_H
#define ENABLING_H

#include <stddef.h>
#include <linux/types.h>
#include "dtrace.h"
#include "difasm.h"

#define EN_MAXCLAUSES	32
#define EN_MAXACTIONS	16
#define EN_MAXDIFO	10

struct en_action {
	struct dtrace_action_hdr h;	/* size and ndifo filled in by build */
	struct dif *difo[EN_MAXDIFO];
	int ndifo;
};

struct en_clause {
	struct dtrace_clause_hdr h;	/* size, nactions filled in by build */
	struct dif *pred;
	struct en_action act[EN_MAXACTIONS];
	int nact;
};

struct enabling {
	struct dtrace_enable_hdr h;	/* options; size, nclauses by build */
	struct en_clause cl[EN_MAXCLAUSES];
	int ncl;
	/* offsets in the built blob */
	size_t off_clause[EN_MAXCLAUSES];
	size_t off_pred[EN_MAXCLAUSES];
	size_t off_action[EN_MAXCLAUSES][EN_MAXACTIONS];
	size_t off_difo[EN_MAXCLAUSES][EN_MAXACTIONS][EN_MAXDIFO];
};

void en_init(struct enabling *e);
/* New clause for "provider:module:function:name" (fields may be empty). */
struct en_clause *en_clause(struct enabling *e, const char *desc);
void en_pred(struct en_clause *c, struct dif *pred);
/* Append an action; recoff is the clause's recsize so far (8-aligned). */
struct en_action *en_action(struct en_clause *c, __u16 kind, __u32 recsize,
			    __u64 arg);
void en_difo(struct en_action *a, struct dif *d);
/* trace(d): integer (8 bytes) or, if d returns a string, its rtype.size. */
struct en_action *en_trace(struct en_clause *c, struct dif *d);
/* @aggid[keys...] = func(val): val may be NULL for count. */
struct en_action *en_aggregate(struct enabling *e, struct en_clause *c,
			       __u32 aggid, __u32 func, __u64 arg2,
			       struct dif **keys, int nkeys, struct dif *val);
/* Size of the blob build() writes. */
size_t en_size(struct enabling *e);
/* Build into out (room >= en_size()); returns the size. */
size_t en_build(struct enabling *e, void *out);
/* Convenience: build into a malloc()ed buffer. */
void *en_blob(struct enabling *e, size_t *len);

#endif /* ENABLING_H */
