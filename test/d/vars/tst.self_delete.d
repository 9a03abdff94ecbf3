/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Assigning zero to a thread-local variable deletes it; it then reads
 * as zero.
 */

#pragma D option quiet

BEGIN
{
	self->x = 5;
	self->x = 0;
	printf("%d\n", self->x);
	self->x = 9;
	printf("%d\n", self->x);
	exit(0);
}
