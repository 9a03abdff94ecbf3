/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack() can be one key of a tuple, with a depth (stack(1): one frame);
 * printa() with %k and %s prints each key where its conversion is.
 */

#pragma D option quiet

BEGIN
{
	@s[probename, stack(1)] = sum(7);
	exit(0);
}

END
{
	printa("name=%s%k\nsum=%@d\n", @s);
}
