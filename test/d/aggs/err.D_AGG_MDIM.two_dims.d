/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregations have a single (tuple) dimension.
 */

#pragma D option quiet

BEGIN
{
	@a[1][2] = count();
}
