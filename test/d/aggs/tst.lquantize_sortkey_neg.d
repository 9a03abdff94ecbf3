/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With aggsortkey the keys order the histograms, whatever their
 * (negative) counts.
 */

#pragma D option quiet
#pragma D option aggsortkey

BEGIN
{
	@l[2] = lquantize(5, 0, 10, 5, -2);
	@l[1] = lquantize(5, 0, 10, 5, 1);
	exit(0);
}
