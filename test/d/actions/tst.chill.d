/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * chill(ns) spins and then continues (destructive).
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	chill(1000000);
	printf("ok\n");
	exit(0);
}
