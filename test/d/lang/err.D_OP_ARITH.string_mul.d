/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Strings are not arithmetic operands.
 */

#pragma D option quiet

BEGIN
{
	x = "abc" * 2;
	exit(0);
}
