/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggsortkeypos chooses which key sorts the entries when sorting by
 * key.
 */

#pragma D option quiet

#pragma D option aggsortkey
#pragma D option aggsortkeypos=1

BEGIN
{
	@a["x", 3] = sum(1);
	@a["y", 1] = sum(2);
	@a["z", 2] = sum(3);
	exit(0);
}

END
{
	printa("%s %d %@d\n", @a);
}
