/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Negative increments give negative counts: the bars are drawn left of
 * the axis, right-aligned, and the counts printed negative.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(1, -3);
	@q = quantize(2, -1);
	exit(0);
}
