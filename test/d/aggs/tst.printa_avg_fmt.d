/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A %@d conversion of an avg() aggregation prints the average.
 */

#pragma D option quiet

BEGIN
{
	@a = avg(10);
	@a = avg(20);
	@m = min(3);
	@x = max(4);
	exit(0);
}

END
{
	printa("avg %@d\n", @a);
	printa("min %@d\n", @m);
	printa("max %@d\n", @x);
}
