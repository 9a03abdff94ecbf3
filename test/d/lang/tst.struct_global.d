/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A global variable of struct type starts zeroed and its members can be
 * assigned.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

struct pair p;

BEGIN
{
	printf("%d %d\n", p.a, p.b);
	p.a = 5;
	p.b = 6;
	printf("%d %d\n", p.a, p.b);
	exit(0);
}
