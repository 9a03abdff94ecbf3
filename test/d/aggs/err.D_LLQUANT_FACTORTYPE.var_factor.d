/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The llquantize() factor must be an integer constant.
 */

#pragma D option quiet

BEGIN
{
	f = 10;
	@a = llquantize(1, f, 0, 2, 10);
}
