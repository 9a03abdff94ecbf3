/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggsortpos chooses which aggregation of a multi-aggregation printa()
 * sorts the entries.
 */

#pragma D option quiet

#pragma D option aggsortpos=1

BEGIN
{
	@x["a"] = sum(1);
	@x["b"] = sum(2);
	@x["c"] = sum(3);
	@y["a"] = sum(30);
	@y["b"] = sum(10);
	@y["c"] = sum(20);
	exit(0);
}

END
{
	printa("%s %@d %@d\n", @x, @y);
}
