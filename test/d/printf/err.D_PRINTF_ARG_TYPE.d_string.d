/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %d needs an integer argument.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", "x");
}
