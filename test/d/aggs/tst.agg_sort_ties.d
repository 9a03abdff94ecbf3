/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Entries with equal values are sorted by key.
 */

#pragma D option quiet

BEGIN
{
	@a["c"] = count();
	@a["a"] = count();
	@a["b"] = count();
	@n[30] = count();
	@n[10] = count();
	@n[20] = count();
	exit(0);
}
