/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation must always be used with keys of the same types.
 */

#pragma D option quiet

BEGIN
{
	@a[1] = count();
	@a["x"] = count();
}
