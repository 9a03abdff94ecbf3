/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct variable may be as large as max(8, strsize) bytes: with
 * strsize raised to 512, a 320-byte struct works as a global, a
 * thread-local and an associative-array value.
 */

#pragma D option quiet
#pragma D option strsize=512

struct big {
	uint64_t v[40];
};

struct big b;
struct big a[int];

BEGIN
{
	b.v[0] = 1;
	b.v[39] = 39;
	self->s = b;
	a[5] = self->s;
	a[5].v[20] = 20;
	printf("%d %d %d %d\n", self->s.v[0], self->s.v[39], a[5].v[39],
	    a[5].v[20] + a[6].v[20]);
	exit(0);
}
