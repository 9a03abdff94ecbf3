/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * discard() records no data: assignments and data-recording actions may
 * follow it in the same clause, and go to the principal buffer.
 */

#pragma D option quiet

BEGIN
{
	self->spec = speculation();
}

BEGIN
{
	speculate(self->spec);
	printf("discarded\n");
}

BEGIN
{
	discard(self->spec);
	self->x = 2;
	printf("after discard %d\n", self->x);
	exit(0);
}
