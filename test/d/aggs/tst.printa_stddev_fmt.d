/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A %@d conversion of a stddev() aggregation prints the standard
 * deviation.
 */

#pragma D option quiet

BEGIN
{
	@d = stddev(10);
	@d = stddev(20);
	exit(0);
}

END
{
	printa("sd %@d\n", @d);
}
