/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The lquantize() step must be a non-zero positive integer constant.
 */

#pragma D option quiet

BEGIN
{
	@a = lquantize(1, 0, 10, 0);
}
