/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The lquantize() limit must be greater than the base.
 */

#pragma D option quiet

BEGIN
{
	@a = lquantize(1, 10, 0, 1);
}
