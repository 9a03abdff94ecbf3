/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The nspec option sets how many speculations may be active at once.
 */

#pragma D option quiet

#pragma D option nspec=2

BEGIN
{
	a = speculation();
	b = speculation();
	c = speculation();
	printf("%d %d %d %d\n", a != 0, b != 0, a != b, c == 0);
	exit(0);
}
