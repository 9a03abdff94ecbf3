/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The last element (index nelems - 1) is within bounds, and casting the
 * array to a pointer lifts the compile-time check (DTrace checks array
 * types, not pointers).
 */

#pragma D option quiet

int a[5];

BEGIN
{
	a[4] = 4;
	printf("%d %d\n", a[4], ((int *)a)[4]);
	exit(0);
}
