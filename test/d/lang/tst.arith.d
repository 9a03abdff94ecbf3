/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The arithmetic operators + - * / % on int constants and variables
 * follow C, with division and remainder truncating toward zero.
 */

#pragma D option quiet

BEGIN
{
	a = 17;
	b = 5;
	printf("%d %d %d %d %d\n", a + b, a - b, a * b, a / b, a % b);
	printf("%d %d\n", -a / b, -a % b);
	printf("%d %d\n", a / -b, a % -b);
	printf("%d %d %d\n", 7 + 3, 7 - 10, 6 * 7);
	exit(0);
}
