/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * clear() zeroes the values of an aggregation but keeps its keys.
 */

#pragma D option quiet

BEGIN
{
	@a["x"] = sum(5);
	exit(0);
}

END
{
	clear(@a);
	printa("%s %@d\n", @a);
}
