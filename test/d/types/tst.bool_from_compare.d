/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Comparison results are int values usable in arithmetic.
 */

#pragma D option quiet

BEGIN
{
	n = (1 < 2) + (2 < 3) + (3 < 2);
	printf("%d %d\n", n, sizeof (1 < 2));
	exit(0);
}
