/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Enumerators can be used in arithmetic and comparisons.
 */

#pragma D option quiet

enum lvl { LOW = 1, MID = 5, HIGH = 10 };

BEGIN
{
	printf("%d %d %d\n", LOW + MID + HIGH, HIGH / MID, MID > LOW);
	exit(0);
}
