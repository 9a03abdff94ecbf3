/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The aggsize option sets the aggregation buffer size.
 */

#pragma D option quiet

#pragma D option aggsize=512k

BEGIN
{
	@a["x"] = count();
	exit(0);
}
