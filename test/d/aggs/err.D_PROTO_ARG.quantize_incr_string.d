/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The increment of quantize() must be scalar.
 */

BEGIN
{
	@a = quantize(1, "two");
}
