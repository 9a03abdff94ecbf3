/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sum() per key, entries sorted by value.
 */

#pragma D option quiet

BEGIN
{
	@s["a"] = sum(30);
	@s["b"] = sum(-5);
	@s["c"] = sum(0);
	@s["c"] = sum(7);
	exit(0);
}
