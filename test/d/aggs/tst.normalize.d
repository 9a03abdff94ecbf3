/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * normalize(@a, n) divides the printed values by n.
 */

#pragma D option quiet

BEGIN
{
	@a["x"] = sum(1000);
	@a["y"] = sum(250);
	exit(0);
}

END
{
	normalize(@a, 10);
}
