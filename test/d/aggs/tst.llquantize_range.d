/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * llquantize() underflow (below factor^low) and overflow (at least
 * factor^(high+1)) buckets.
 */

#pragma D option quiet

BEGIN
{
	@l = llquantize(3, 2, 2, 4, 4);
	@l = llquantize(8, 2, 2, 4, 4);
	@l = llquantize(40, 2, 2, 4, 4);
	exit(0);
}
