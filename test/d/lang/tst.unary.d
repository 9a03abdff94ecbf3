/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Unary minus, unary plus and double negation.
 */

#pragma D option quiet

BEGIN
{
	x = 5;
	printf("%d %d %d %d\n", -x, +x, -(-x), - -x);
	printf("%d\n", -(x - 8));
	exit(0);
}
