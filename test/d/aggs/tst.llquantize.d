/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * llquantize() log-linear buckets (factor 10, magnitudes 0..2, 10
 * steps).
 */

#pragma D option quiet

BEGIN
{
	@l = llquantize(5, 10, 0, 2, 10);
	@l = llquantize(50, 10, 0, 2, 10);
	@l = llquantize(500, 10, 0, 2, 10);
	@l = llquantize(555, 10, 0, 2, 10);
	exit(0);
}
