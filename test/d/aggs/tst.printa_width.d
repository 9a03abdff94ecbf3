/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Width and flags apply to printa() conversions; each key conversion
 * takes the next key and every %@ prints the value.
 */

#pragma D option quiet

BEGIN
{
	@a["ab", "cd"] = sum(7);
	exit(0);
}

END
{
	printa("[%-5s][%5s][%@4d][%@-4d][%@04d]\n", @a);
}
