/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Too deep an expression runs out of DIF registers.
 */

BEGIN
{
	x = 1;
	y = x + (x + (x + (x + (x + (x + (x + (x + (x + x))))))));
}
