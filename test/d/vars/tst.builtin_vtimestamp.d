/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * vtimestamp is available and does not go backwards within a clause.
 */

#pragma D option quiet

BEGIN
{
	a = vtimestamp;
	b = vtimestamp;
	printf("%d\n", b >= a);
	exit(0);
}
