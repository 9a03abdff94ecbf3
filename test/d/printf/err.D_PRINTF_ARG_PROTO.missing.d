/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Every conversion needs an argument.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d\n", 1);
}
