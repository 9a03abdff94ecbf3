/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * quantize(0) goes in the 0 bucket, shown between -1 and 1.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(0);
	exit(0);
}
