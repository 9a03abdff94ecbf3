/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unassigned thread-local variable reads as zero.
 */

#pragma D option quiet

self int x;
self string s;

BEGIN
{
	printf("%d [%s]\n", self->x, self->s);
	exit(0);
}
