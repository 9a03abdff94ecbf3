/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Division of constants by zero is detected at compile time.
 */

#pragma D option quiet

BEGIN
{
	x = 1 / 0;
	exit(0);
}
