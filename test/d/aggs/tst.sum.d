/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sum() adds its argument, including negative values.
 */

#pragma D option quiet

BEGIN
{
	@s = sum(5);
	@s = sum(10);
	@s = sum(-3);
	exit(0);
}
