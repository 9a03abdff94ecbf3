/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() with several aggregations joins their entries by key;
 * missing entries are zero.
 */

#pragma D option quiet

BEGIN
{
	@c["x"] = count();
	@c["y"] = count();
	@c["y"] = count();
	@s["x"] = sum(10);
	@s["y"] = sum(20);
	exit(0);
}

END
{
	printa("%s %@d %@d\n", @c, @s);
}
