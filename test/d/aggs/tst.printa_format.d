/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() with a format prints each entry with it: key conversions,
 * then %@ for the value.
 */

#pragma D option quiet

BEGIN
{
	@a["foo"] = count();
	@a["foo"] = count();
	@a["bar"] = count();
	exit(0);
}

END
{
	printa("%s: %@d\n", @a);
}
