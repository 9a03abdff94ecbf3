/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Entries of an aggregation are sorted by increasing value.
 */

#pragma D option quiet

BEGIN
{
	@a["three"] = sum(3);
	@a["minus"] = sum(-100);
	@a["big"] = sum(1000);
	@a["zero"] = sum(0);
	exit(0);
}
