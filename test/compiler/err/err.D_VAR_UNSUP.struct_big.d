/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A thread-local struct larger than max(8, strsize) bytes is refused.
 */

#pragma D option strsize=16

struct s {
	long a, b, c;
};

self struct s v;

BEGIN
{
	self->v.c = 1;
}
