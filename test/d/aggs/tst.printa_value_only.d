/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() with a format that only has %@ prints the value of a key-
 * less aggregation.
 */

#pragma D option quiet

BEGIN
{
	@c = count();
	@c = count();
	exit(0);
}

END
{
	printa("count=%@d\n", @c);
}
