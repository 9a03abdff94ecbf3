/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * arg1 of ERROR is the EPID of the faulting enabled probe.
 */

#pragma D option quiet

BEGIN
{
	faulting = epid;
}

BEGIN
{
	x = *(int *)0;
}

ERROR
{
	printf("%d\n", arg1 == faulting + 1);
	exit(0);
}
