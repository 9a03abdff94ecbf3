/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The optional fifth argument of lquantize() is the increment.
 */

#pragma D option quiet

BEGIN
{
	@l = lquantize(4, 0, 10, 1, 5);
	exit(0);
}
