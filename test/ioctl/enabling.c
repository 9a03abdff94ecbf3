// SPDX-License-Identifier: GPL-2.0
/*
 * enabling.c - the enabling blob builder of enabling.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "enabling.h"

#define ALIGN8(x)	(((x) + 7) & ~(size_t)7)

void en_init(struct enabling *e)
{
	memset(e, 0, sizeof(*e));
	e->h.version = DTRACE_ABI_VERSION;
	e->h.strsize = 256;
	e->h.nspec = 1;
}

static void copy_field(char *dst, size_t room, const char *s, size_t n)
{
	if (n >= room)
		n = room - 1;
	memcpy(dst, s, n);
	dst[n] = 0;
}

struct en_clause *en_clause(struct enabling *e, const char *desc)
{
	struct en_clause *c;
	const char *f[4] = { "", "", "", "" };
	size_t len[4] = { 0, 0, 0, 0 };
	const char *p = desc, *q;
	int i = 0, nf;

	if (e->ncl == EN_MAXCLAUSES) {
		fprintf(stderr, "enabling: too many clauses\n");
		exit(2);
	}
	c = &e->cl[e->ncl++];
	memset(c, 0, sizeof(*c));
	/* "a:b:c:d"; with fewer fields the last ones are given (DTrace) */
	for (nf = 1, q = desc; *q; q++)
		nf += *q == ':';
	if (nf > 4)
		nf = 4;
	i = 4 - nf;
	while (i < 4) {
		q = strchr(p, ':');
		if (!q || i == 3)
			q = p + strlen(p);
		f[i] = p;
		len[i] = q - p;
		i++;
		p = *q ? q + 1 : q;
	}
	copy_field(c->h.desc.provider, sizeof(c->h.desc.provider), f[0], len[0]);
	copy_field(c->h.desc.mod, sizeof(c->h.desc.mod), f[1], len[1]);
	copy_field(c->h.desc.func, sizeof(c->h.desc.func), f[2], len[2]);
	copy_field(c->h.desc.name, sizeof(c->h.desc.name), f[3], len[3]);
	return c;
}

void en_pred(struct en_clause *c, struct dif *pred)
{
	c->pred = pred;
	c->h.flags |= DTRACE_CLAUSE_PRED;
}

struct en_action *en_action(struct en_clause *c, __u16 kind, __u32 recsize,
			    __u64 arg)
{
	struct en_action *a;

	if (c->nact == EN_MAXACTIONS) {
		fprintf(stderr, "enabling: too many actions\n");
		exit(2);
	}
	a = &c->act[c->nact++];
	memset(a, 0, sizeof(*a));
	a->h.kind = kind;
	a->h.recoff = c->h.recsize;
	a->h.recsize = recsize;
	a->h.arg = arg;
	c->h.recsize += ALIGN8(recsize);
	if (kind != DTRACEACT_AGGREGATE)
		c->h.flags &= ~DTRACE_CLAUSE_NOREC;
	return a;
}

void en_difo(struct en_action *a, struct dif *d)
{
	if (a->ndifo == EN_MAXDIFO) {
		fprintf(stderr, "enabling: too many DIF objects\n");
		exit(2);
	}
	a->difo[a->ndifo++] = d;
}

struct en_action *en_trace(struct en_clause *c, struct dif *d)
{
	struct en_action *a;

	a = en_action(c, DTRACEACT_DIFEXPR, d->rtype.size, 0);
	en_difo(a, d);
	return a;
}

struct en_action *en_aggregate(struct enabling *e, struct en_clause *c,
			       __u32 aggid, __u32 func, __u64 arg2,
			       struct dif **keys, int nkeys, struct dif *val)
{
	struct en_action *a;
	int i, only_aggs = 1;

	for (i = 0; i < c->nact; i++)
		if (c->act[i].h.kind != DTRACEACT_AGGREGATE)
			only_aggs = 0;
	a = en_action(c, DTRACEACT_AGGREGATE, 0, func);
	a->h.arg2 = arg2;
	a->h.aggid = aggid;
	a->h.nkeys = nkeys;
	for (i = 0; i < nkeys; i++)
		en_difo(a, keys[i]);
	if (val)
		en_difo(a, val);
	if (only_aggs)
		c->h.flags |= DTRACE_CLAUSE_NOREC;
	if (aggid > e->h.naggs)
		e->h.naggs = aggid;
	return a;
}

size_t en_size(struct enabling *e)
{
	size_t n = sizeof(struct dtrace_enable_hdr);
	int i, j, k;

	for (i = 0; i < e->ncl; i++) {
		struct en_clause *c = &e->cl[i];

		n += sizeof(struct dtrace_clause_hdr);
		if (c->pred)
			n += dif_size(c->pred);
		for (j = 0; j < c->nact; j++) {
			n += sizeof(struct dtrace_action_hdr);
			for (k = 0; k < c->act[j].ndifo; k++)
				n += dif_size(c->act[j].difo[k]);
		}
	}
	return n;
}

size_t en_build(struct enabling *e, void *out)
{
	char *base = out, *p = out;
	int i, j, k;

	e->h.size = en_size(e);
	e->h.nclauses = e->ncl;
	p += sizeof(e->h);
	for (i = 0; i < e->ncl; i++) {
		struct en_clause *c = &e->cl[i];
		char *cp = p;

		e->off_clause[i] = p - base;
		p += sizeof(c->h);
		if (c->pred) {
			e->off_pred[i] = p - base;
			p += dif_encode(c->pred, p);
		}
		for (j = 0; j < c->nact; j++) {
			struct en_action *a = &c->act[j];
			char *ap = p;

			e->off_action[i][j] = p - base;
			p += sizeof(a->h);
			for (k = 0; k < a->ndifo; k++) {
				e->off_difo[i][j][k] = p - base;
				p += dif_encode(a->difo[k], p);
			}
			a->h.size = p - ap;
			a->h.ndifo = a->ndifo;
			memcpy(ap, &a->h, sizeof(a->h));
		}
		c->h.size = p - cp;
		c->h.nactions = c->nact;
		memcpy(cp, &c->h, sizeof(c->h));
	}
	memcpy(base, &e->h, sizeof(e->h));
	return p - base;
}

void *en_blob(struct enabling *e, size_t *len)
{
	size_t n = en_size(e);
	void *b = calloc(1, n + 64);

	if (!b) {
		perror("calloc");
		exit(2);
	}
	*len = en_build(e, b);
	return b;
}
