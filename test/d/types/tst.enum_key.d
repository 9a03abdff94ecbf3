/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Enumerators can be associative array keys.
 */

#pragma D option quiet

enum color { RED, GREEN };

BEGIN
{
	c[RED] = 7;
	c[GREEN] = 8;
	printf("%d %d\n", c[RED], c[GREEN]);
	exit(0);
}
