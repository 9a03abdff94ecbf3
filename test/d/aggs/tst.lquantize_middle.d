/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lquantize() shows one empty bucket either side of the used range.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(55, 0, 100, 10);
	@l = lquantize(57, 0, 100, 10);
	@l = lquantize(71, 0, 100, 10);
	exit(0);
}
