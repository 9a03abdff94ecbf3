/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Expression statements are evaluated for their side effects only.
 */

#pragma D option quiet

BEGIN
{
	x = 1;
	x + 1;
	x++;
	printf("%d\n", x);
	exit(0);
}
