/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A stack() can be an aggregation key.
 */

#pragma D option quiet

BEGIN
{
	@s[stack()] = count();
	exit(0);
}

END
{
	printa("%k%@d\n", @s);
}
