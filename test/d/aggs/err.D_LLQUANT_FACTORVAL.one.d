/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The llquantize() factor must be at least 2.
 */

#pragma D option quiet

BEGIN
{
	@a = llquantize(1, 1, 0, 2, 10);
}
