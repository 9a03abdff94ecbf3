/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * quantize() needs a scalar argument.
 */

#pragma D option quiet

BEGIN
{
	@a = quantize("x");
}
