/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf() accepts many arguments of mixed types.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d %d %d %d %d %d %d %s %s\n", 1, 2, 3, 4, 5, 6, 7,
	    8, 9, 10, "eleven", "twelve");
	exit(0);
}
