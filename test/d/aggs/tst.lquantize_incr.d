/* SPDX-License-Identifier: GPL-2.0 */
/*
 * @@skip: the increment argument of lquantize() needs a weight in the aggregation ABI (not implemented yet)
 * ASSERTION:
 * The optional fifth argument of lquantize() is the increment.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(4, 0, 10, 1, 5);
	exit(0);
}
