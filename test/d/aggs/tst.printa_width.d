/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Width, precision and flags apply to printa() conversions.
 */

#pragma D option quiet

BEGIN
{
	@a["ab"] = sum(7);
	exit(0);
}

END
{
	printa("[%-5s][%5s][%@4d][%@-4d][%@04d]\n", @a);
}
