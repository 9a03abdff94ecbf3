/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Assigning zero deletes an element; it can be created again.
 */

#pragma D option quiet

BEGIN
{
	a["k"] = 5;
	a["k"] = 0;
	printf("%d\n", a["k"]);
	a["k"] = 8;
	printf("%d\n", a["k"]);
	exit(0);
}
