/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative arrays indexed by integers; missing elements read as
 * zero.
 */

#pragma D option quiet

BEGIN
{
	a[1] = 10;
	a[2] = 20;
	a[-1] = 5;
	printf("%d %d %d %d\n", a[1], a[2], a[-1], a[3]);
	a[1] += a[2];
	printf("%d\n", a[1]);
	exit(0);
}
