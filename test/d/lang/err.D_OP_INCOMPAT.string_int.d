/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Comparing a string with an integer is an incompatible operation.
 */

#pragma D option quiet

BEGIN
{
	x = "abc" == 1;
	exit(0);
}
