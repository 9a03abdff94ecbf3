/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The lquantize() base must be an integer constant.
 */

#pragma D option quiet

BEGIN
{
	x = 0;
	@a = lquantize(1, x, 10, 1);
}
