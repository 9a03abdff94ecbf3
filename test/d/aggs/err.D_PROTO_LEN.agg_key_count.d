/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation must always be used with the same number of keys.
 */

#pragma D option quiet

BEGIN
{
	@a[1] = count();
	@a[1, 2] = count();
}
