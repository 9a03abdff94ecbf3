/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative array elements persist across probes.
 */

#pragma D option quiet

BEGIN
{
	a["begin"] = 1;
	exit(0);
}

END
{
	a["end"] = 2;
	printf("%d %d\n", a["begin"], a["end"]);
}
