/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ERROR fires when an action faults; arg4 is the fault (1: invalid
 * address) and arg5 the address.
 */

#pragma D option quiet

BEGIN
{
	x = *(int *)0;
}

ERROR
{
	printf("%d %d\n", arg4, arg5);
	exit(0);
}
