/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * rand() returns pseudo-random integers that vary between calls.
 */

#pragma D option quiet

BEGIN
{
	x = rand();
	n = (rand() != x) + (rand() != x) + (rand() != x) + (rand() != x) +
	    (rand() != x) + (rand() != x) + (rand() != x) + (rand() != x);
	printf("%d\n", n > 0);
	exit(0);
}
