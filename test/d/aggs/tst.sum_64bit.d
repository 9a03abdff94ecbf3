/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sum() accumulates in 64 bits.
 */

#pragma D option quiet

BEGIN
{
	@s = sum(4000000000);
	@s = sum(4000000000);
	@s = sum(4000000000);
	exit(0);
}
