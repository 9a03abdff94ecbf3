/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() formats with integer keys and several keys.
 */

#pragma D option quiet

BEGIN
{
	@a[1, "one"] = sum(10);
	@a[2, "two"] = sum(20);
	exit(0);
}

END
{
	printa("%d %s %@d\n", @a);
}
