/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An enum value prints as an integer with %d.
 */

#pragma D option quiet

enum e { ZERO, ONE, TWO };

BEGIN
{
	printf("%d %d\n", TWO, ONE + TWO);
	exit(0);
}
