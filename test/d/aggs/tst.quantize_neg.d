/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Negative values go in negative power-of-two buckets.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(-1);
	@q = quantize(-5);
	@q = quantize(-5);
	exit(0);
}
