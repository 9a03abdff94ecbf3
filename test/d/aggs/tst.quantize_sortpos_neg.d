/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggsortpos=1 sorts a printa() of two aggregations by the second, a
 * quantize() with negative counts: by the sum of count times bucket value
 * (DTrace's order), negative sums first.
 */

#pragma D option quiet
#pragma D option aggsortpos=1

BEGIN
{
	@c["a"] = sum(1);
	@c["b"] = sum(2);
	@c["c"] = sum(3);
	@q["a"] = quantize(4, -1);
	@q["b"] = quantize(1, 2);
	@q["c"] = quantize(2, -3);
	exit(0);
}

END
{
	printa("%s %@d%@d\n", @c, @q);
}
