/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lquantize() linear buckets with underflow and overflow rows.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(-1, 0, 10, 2);
	@l = lquantize(1, 0, 10, 2);
	@l = lquantize(3, 0, 10, 2);
	@l = lquantize(3, 0, 10, 2);
	@l = lquantize(5, 0, 10, 2);
	@l = lquantize(11, 0, 10, 2);
	exit(0);
}
