/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * arg2 of ERROR is the 1-based index of the faulting action in its
 * clause.
 */

#pragma D option quiet

BEGIN
{
	printf("first\n");
	x = *(int *)0;
}

ERROR
{
	printf("%d\n", arg2);
	exit(0);
}
