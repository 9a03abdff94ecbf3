/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The relational and equality operators yield int 0 or 1.
 */

#pragma D option quiet

BEGIN
{
	a = 3;
	b = 4;
	printf("%d %d %d %d %d %d\n", a < b, a <= b, a > b, a >= b, a == b, a != b);
	printf("%d %d %d %d\n", a < a, a <= a, a >= a, a == a);
	printf("%d %d\n", -1 < 0, -5 > -6);
	exit(0);
}
