/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Operator precedence and associativity follow ANSI C.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", 2 + 3 * 4, (2 + 3) * 4, 1 << 2 + 1);
	printf("%d %d %d\n", 1 | 2 & 3, 10 - 4 - 3, 100 / 10 / 5);
	printf("%d %d %d\n", 1 == 1 & 0, !1 + 1, -2 * -3);
	printf("%d %d %d\n", 2 * 3 % 4, 1 < 2 == 1, 5 & 3 ^ 6 | 8);
	printf("%d %d\n", 1 || 0 && 0, 0 ? 1 : 2 ? 3 : 4);
	printf("%d %d\n", ~1 + 1, 7 - -2);
	exit(0);
}
