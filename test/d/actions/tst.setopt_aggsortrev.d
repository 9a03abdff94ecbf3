/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * setopt() changes a consumer option at run time (here aggsortrev for
 * printa).
 */

#pragma D option quiet

BEGIN
{
	@a["a"] = sum(1);
	@a["b"] = sum(2);
	@a["c"] = sum(3);
	exit(0);
}

END
{
	printa("%s %@d\n", @a);
	setopt("aggsortrev");
	printa("%s %@d\n", @a);
}
