/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unassigned thread-local integer reads as zero.
 */

#pragma D option quiet

self int x;

BEGIN
{
	printf("%d\n", self->x);
	exit(0);
}
