/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * arg1 of ERROR is the EPID of the faulting enabled probe.  The faulting
 * clause saves its own epid before it faults (stores done before a fault
 * stay done); EPIDs are not assumed to be consecutive.
 */

#pragma D option quiet

BEGIN
{
	other = epid;
}

BEGIN
{
	faulting = epid;
	x = *(int *)0;
}

ERROR
{
	printf("%d %d %d\n", faulting != 0, arg1 == faulting, arg1 != other);
	exit(0);
}
