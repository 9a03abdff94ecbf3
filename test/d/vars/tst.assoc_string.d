/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative arrays indexed by strings.
 */

#pragma D option quiet

BEGIN
{
	a["foo"] = 1;
	a["bar"] = 2;
	k = "foo";
	printf("%d %d %d\n", a[k], a["bar"], a["baz"]);
	exit(0);
}
