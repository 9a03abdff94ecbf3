/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Writing one member of a union changes what the others read.
 */

#pragma D option quiet

union val {
	uint64_t u;
	int64_t s;
	uint8_t b[8];
};

BEGIN
{
	this->v = (union val *)alloca(sizeof (union val));
	this->v->s = -1;
	printf("%u %d %d\n", this->v->u == 0xffffffffffffffff, this->v->b[7], sizeof (union val));
	exit(0);
}
