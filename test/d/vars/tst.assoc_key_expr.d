/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Keys are evaluated expressions; equal values name the same element.
 */

#pragma D option quiet

BEGIN
{
	x = 3;
	a[x + 1] = 1;
	a[2 * 2] += 1;
	printf("%d\n", a[4]);
	exit(0);
}
