/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Only the selected operand of ?: is evaluated.
 */

#pragma D option quiet

BEGIN
{
	a = 0;
	b = 0;
	r = 1 ? (a = 1) : (b = 1);
	printf("%d %d %d\n", a, b, r);
	r = 0 ? (a = 2) : (b = 2);
	printf("%d %d %d\n", a, b, r);
	exit(0);
}
