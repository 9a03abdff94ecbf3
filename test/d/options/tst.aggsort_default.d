/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * By default entries are sorted by value.
 */

#pragma D option quiet

BEGIN
{
	@a["c"] = sum(1);
	@a["a"] = sum(3);
	@a["b"] = sum(2);
	exit(0);
}
