/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The lquantize() step must fit in 16 bits.
 */

#pragma D option quiet

BEGIN
{
	@a = lquantize(1, 0, 1000000, 70000);
}
