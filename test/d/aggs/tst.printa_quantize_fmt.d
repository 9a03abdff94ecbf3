/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A %@d conversion of a quantize() aggregation prints its histogram.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(3);
	exit(0);
}

END
{
	printa("q:%@d\n", @q);
}
