/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An associative array must always be indexed with keys of the same
 * types.
 */

#pragma D option quiet

BEGIN
{
	a[1] = 1;
	a["x"] = 2;
}
