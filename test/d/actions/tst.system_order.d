/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * system() output appears in order with the other output.
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	printf("before\n");
	system("echo during");
	printf("after\n");
	exit(0);
}
