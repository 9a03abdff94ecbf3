/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Sorted by value, a histogram of negative counts sorts first; with
 * aggsortrev last.
 */

#pragma D option quiet
#pragma D option aggsortrev

BEGIN
{
	@l["neg"] = lquantize(5, 0, 10, 5, -2);
	@l["pos"] = lquantize(5, 0, 10, 5, 1);
	exit(0);
}
