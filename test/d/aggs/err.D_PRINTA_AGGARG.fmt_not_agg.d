/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() with a format needs an aggregation after it.
 */

#pragma D option quiet

BEGIN
{
	printa("%d\n", 1);
}
