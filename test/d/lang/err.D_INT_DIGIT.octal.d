/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An octal constant with a digit 8 or 9 is an error.
 */

#pragma D option quiet

BEGIN
{
	x = 0189;
}
