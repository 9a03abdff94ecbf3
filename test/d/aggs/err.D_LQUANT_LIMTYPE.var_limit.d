/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The lquantize() limit must be an integer constant.
 */

#pragma D option quiet

BEGIN
{
	x = 10;
	@a = lquantize(1, 0, x, 1);
}
