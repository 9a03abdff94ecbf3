/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * cpu is a small non-negative number.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", cpu >= 0 && cpu < 8192);
	exit(0);
}
