/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A fault in a predicate fires ERROR with action index 0.
 */

#pragma D option quiet

BEGIN
/ *(int *)0 == 1 /
{
	printf("not reached\n");
}

ERROR
{
	printf("%d %d\n", arg2, arg4);
	exit(0);
}
