/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * min() and max() keep the smallest and largest values.
 */

#pragma D option quiet

BEGIN
{
	@mn = min(5);
	@mx = max(5);
	@mn = min(-3);
	@mx = max(-3);
	@mn = min(10);
	@mx = max(10);
	exit(0);
}
