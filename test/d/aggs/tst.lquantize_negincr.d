/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Counts of both signs: half-width bars either side of a center line,
 * negative ones (and zero rows) left of it.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(0, 0, 10, 5, -1);
	@l = lquantize(5, 0, 10, 5, 3);
	@l = lquantize(-1, 0, 10, 5, 0);
	exit(0);
}
