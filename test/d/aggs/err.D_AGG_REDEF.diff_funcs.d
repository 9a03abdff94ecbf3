/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation cannot be used with two different aggregating
 * functions.
 */

#pragma D option quiet

BEGIN
{
	@a = count();
	@a = sum(1);
}
