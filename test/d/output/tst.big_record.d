/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause recording many values prints them all.
 */

#pragma D option quiet

BEGIN
{
	printf("%s %s %s %s %s %s %s %s\n", "a", "b", "c", "d", "e", "f", "g", "h");
	printf("%d %d %d %d %d %d %d %d\n", 1, 2, 3, 4, 5, 6, 7, 8);
	exit(0);
}
