/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Histograms sort by the sum of count times bucket value; lquantize()'s
 * overflow bucket weighs one more than its highest value, so one value
 * >= 10 (11) sorts after two values of 5 (10).
 */

#pragma D option quiet

BEGIN
{
	@l["a"] = lquantize(10, 0, 10, 5);
	@l["b"] = lquantize(5, 0, 10, 5);
	@l["b"] = lquantize(5, 0, 10, 5);
	exit(0);
}
