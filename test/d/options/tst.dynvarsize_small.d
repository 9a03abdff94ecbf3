/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A small dynvarsize is accepted (rounded up to the smallest space, as
 * DTrace rounds it up to its minimum), not refused.
 */

#pragma D option quiet
#pragma D option dynvarsize=32

BEGIN
{
	a[1] = 5;
	printf("%d\n", a[1]);
	exit(0);
}
