/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * normalize() applies to printa() formats too.
 */

#pragma D option quiet

BEGIN
{
	@a = sum(90);
	exit(0);
}

END
{
	normalize(@a, 3);
	printa("%@d\n", @a);
}
