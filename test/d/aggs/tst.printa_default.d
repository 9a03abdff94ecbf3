/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa(@a) prints a blank line then the entries; an aggregation
 * printed by printa() is not printed again at exit.
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
	printa(@a);
}
