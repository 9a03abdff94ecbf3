/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculation() returns a non-zero ID; with the default nspec of 1 a
 * second one is not available (0).
 */

#pragma D option quiet

BEGIN
{
	a = speculation();
	b = speculation();
	printf("%d %d\n", a != 0, b == 0);
	exit(0);
}
