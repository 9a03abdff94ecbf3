/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * clear() needs an aggregation.
 */

#pragma D option quiet

BEGIN
{
	x = 1;
	clear(x);
}
