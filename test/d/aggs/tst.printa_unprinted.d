/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * At exit, only aggregations never printed with printa() are printed.
 */

#pragma D option quiet

BEGIN
{
	@printed = sum(1);
	@other = sum(2);
	exit(0);
}

END
{
	printa("p %@d\n", @printed);
}
