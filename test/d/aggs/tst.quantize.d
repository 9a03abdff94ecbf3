/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * quantize() histogram: power-of-two buckets, one empty bucket either
 * side, 40-character bars.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(1);
	@q = quantize(2);
	@q = quantize(3);
	@q = quantize(8);
	exit(0);
}
