/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * timestamp is non-zero and does not go backwards; walltimestamp is
 * after 2020.
 */

#pragma D option quiet

BEGIN
{
	t1 = timestamp;
	t2 = timestamp;
	printf("%d %d\n", t1 > 0, t2 >= t1);
	printf("%d\n", walltimestamp > 1577836800000000000);
	exit(0);
}
