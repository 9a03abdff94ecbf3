/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Associative arrays may be declared with key and value types.
 */

#pragma D option quiet

int a[string, int];
string n[int];

BEGIN
{
	a["x", 1] = 3;
	n[4] = "four";
	printf("%d %s\n", a["x", 1], n[4]);
	exit(0);
}
