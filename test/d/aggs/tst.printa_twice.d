/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() may print the same aggregation several times.
 */

#pragma D option quiet

BEGIN
{
	@c = sum(5);
	exit(0);
}

END
{
	printa("a %@d\n", @c);
	printa("b %@d\n", @c);
}
