/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * count() keyed by strings; entries are printed sorted by value, string
 * keys left-justified in 50 columns.
 */

#pragma D option quiet

BEGIN
{
	@a["foo"] = count();
	@a["foo"] = count();
	@a["bar"] = count();
	@a["baz"] = count();
	@a["baz"] = count();
	@a["baz"] = count();
	exit(0);
}
