/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The ?: operator selects one operand, nests right-to-left and works on
 * strings.
 */

#pragma D option quiet

BEGIN
{
	x = 5;
	printf("%d %d\n", x > 3 ? 1 : 2, x > 7 ? 1 : 2);
	printf("%s %s\n", x > 0 ? "pos" : "neg", -x > 0 ? "pos" : "neg");
	printf("%s\n", x < 0 ? "a" : x < 5 ? "b" : x < 10 ? "c" : "d");
	y = x == 5 ? x * 2 : x / 2;
	printf("%d\n", y);
	exit(0);
}
