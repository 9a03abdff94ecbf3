/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The optional second argument of quantize() is the increment.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(4, 3);
	@q = quantize(100);
	exit(0);
}
