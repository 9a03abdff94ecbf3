/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct cannot be assigned to an integer variable.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

struct pair p;
int x;

BEGIN
{
	x = p;
	exit(0);
}
