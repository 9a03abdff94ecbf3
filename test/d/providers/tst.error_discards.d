/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Output recorded by a clause before it faults is discarded.
 */

#pragma D option quiet

BEGIN
{
	printf("discarded\n");
	x = *(int *)0;
}

BEGIN
{
	printf("kept\n");
	exit(0);
}
