/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Bitwise operators need integer operands.
 */

#pragma D option quiet

BEGIN
{
	x = "abc" & 1;
	exit(0);
}
