/* SPDX-License-Identifier: GPL-2.0 */
/*
 * @@skip: stack() as an aggregation key needs a stack-valued key in the aggregation ABI (not implemented yet)
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
