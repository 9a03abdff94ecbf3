/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A %@d conversion of an lquantize() aggregation prints its histogram.
 */

#pragma D option quiet

BEGIN
{
	@l["k"] = lquantize(3, 0, 10, 5);
	exit(0);
}

END
{
	printa("%s:%@d\n", @l);
}
