/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The step of lquantize() defaults to 1.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(2, 0, 5);
	@l = lquantize(2, 0, 5);
	@l = lquantize(3, 0, 5);
	exit(0);
}
