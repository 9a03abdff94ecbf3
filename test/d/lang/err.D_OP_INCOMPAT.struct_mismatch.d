/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Whole-struct assignment needs the same struct type on both sides.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

struct other {
	int a;
	long b;
};

struct pair p;
self struct other o;

BEGIN
{
	self->o = p;
	exit(0);
}
