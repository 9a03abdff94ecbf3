/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative arrays indexed by tuples; every element of the tuple is
 * part of the key.
 */

#pragma D option quiet

BEGIN
{
	a[1, "x"] = 5;
	a[1, "y"] = 6;
	a[2, "x"] = 7;
	printf("%d %d %d %d\n", a[1, "x"], a[1, "y"], a[2, "x"], a[2, "y"]);
	exit(0);
}
