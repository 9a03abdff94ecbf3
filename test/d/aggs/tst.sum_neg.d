/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A sum() may be negative.
 */

#pragma D option quiet

BEGIN
{
	@s = sum(-10);
	@s = sum(4);
	exit(0);
}
