/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dynvarsize sets the dynamic variable space.
 */

#pragma D option quiet

#pragma D option dynvarsize=2m

BEGIN
{
	a[1] = 1;
	a[2] = 2;
	self->x = 3;
	printf("%d\n", a[1] + a[2] + self->x);
	exit(0);
}
