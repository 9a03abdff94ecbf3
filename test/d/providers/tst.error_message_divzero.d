/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The divide-by-zero error message.
 */

#pragma D option quiet

BEGIN
{
	y = 0;
	x = 1 / y;
}

BEGIN
{
	exit(0);
}
