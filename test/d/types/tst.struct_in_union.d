/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A union may contain structs.
 */

#pragma D option quiet

struct two {
	uint32_t lo;
	uint32_t hi;
};

union both {
	uint64_t all;
	struct two parts;
};

BEGIN
{
	this->b = (union both *)alloca(sizeof (union both));
	this->b->all = 0x0000000500000007;
	printf("%d %d\n", this->b->parts.lo, this->b->parts.hi);
	exit(0);
}
