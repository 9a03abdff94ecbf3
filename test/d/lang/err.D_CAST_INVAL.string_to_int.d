/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A string cannot be cast to an integer type.
 */

#pragma D option quiet

BEGIN
{
	x = (int)"abc";
}
