/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * normalize() needs an aggregation.
 */

#pragma D option quiet

BEGIN
{
	normalize(1, 2);
}
