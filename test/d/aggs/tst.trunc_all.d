/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trunc() without a count removes every entry.
 */

#pragma D option quiet

BEGIN
{
	@a["x"] = sum(5);
	@a["y"] = sum(6);
	exit(0);
}

END
{
	trunc(@a);
	printa("%s %@d\n", @a);
	printf("end\n");
}
