/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() needs an aggregation.
 */

#pragma D option quiet

BEGIN
{
	printa(1);
}
