/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dynvar-check.h - consistency check of a vstate's dynamic-variable space,
 * for the unit tests and the fuzzer.  The space is one allocation, so the
 * sanitizers cannot see a chunk overrunning its neighbour: this walks every
 * hash chain and free list and checks that chunks lie inside the carved
 * part, never overlap, hold what fits in them, hang off the right bucket
 * and are either live (vkey set) or free (vkey 0).
 */
#ifndef DTRACE_TEST_DYNVAR_CHECK_H
#define DTRACE_TEST_DYNVAR_CHECK_H

/* Returns NULL if consistent, else what is wrong. */
static const char *dynvar_check(struct dtrace_vstate *vs)
{
	u32 units = vs->dynsize / 64, b, c, off, n;
	const char *bad = NULL;
	u8 *mark = calloc(units + 1, 1);

	if (!mark)
		return "out of memory";
	if (vs->bump > vs->dynsize || vs->bump < 64)
		bad = "bump outside the space";
	for (b = 0; !bad && b < vs->nbuckets + DTRACE_DYN_NCLASS; b++) {
		bool isfree = b >= vs->nbuckets;

		off = isfree ? vs->freel[b - vs->nbuckets] : vs->buckets[b];
		for (n = 0; off && !bad; n++) {
			struct dtrace_dynent *e = dtrace_dyn_ent(vs, off);
			u32 size, u;

			if (n > units) {
				bad = "cycle";
				break;
			}
			if (off % 64 || off < 64 || off >= vs->bump) {
				bad = "chunk offset out of range";
				break;
			}
			if (e->cls >= DTRACE_DYN_NCLASS) {
				bad = "bad class";
				break;
			}
			size = 64U << e->cls;
			if (size > vs->bump - off) {
				bad = "chunk past the carved space";
				break;
			}
			for (u = off / 64; u < (off + size) / 64; u++) {
				if (mark[u]) {
					bad = "chunks overlap";
					break;
				}
				mark[u] = 1;
			}
			if (isfree) {
				c = b - vs->nbuckets;
				if (e->cls != c)
					bad = "free chunk on the wrong list";
				else if (e->vkey)
					bad = "free chunk still has a vkey";
			} else {
				if (!e->vkey)
					bad = "live entry without vkey";
				else if ((e->hash & (vs->nbuckets - 1)) != b)
					bad = "entry in the wrong bucket";
				else if (sizeof(*e) + DTRACE_ALIGN8(e->keylen) +
					 DTRACE_ALIGN8(e->vsize) > size)
					bad = "entry larger than its chunk";
				else if (e->keylen > vs->keymax)
					bad = "key longer than the key buffer";
			}
			off = e->next;
		}
	}
	free(mark);
	return bad;
}

#endif /* DTRACE_TEST_DYNVAR_CHECK_H */
