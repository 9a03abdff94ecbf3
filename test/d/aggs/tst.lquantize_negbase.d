/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lquantize() with a negative base.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(-7, -10, 10, 5);
	@l = lquantize(0, -10, 10, 5);
	@l = lquantize(9, -10, 10, 5);
	exit(0);
}
