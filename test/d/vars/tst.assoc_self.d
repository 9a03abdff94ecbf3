/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Thread-local associative arrays.
 */

#pragma D option quiet

BEGIN
{
	self->a[1] = 11;
	self->a[2] = 22;
	printf("%d %d %d\n", self->a[1], self->a[2], self->a[3]);
	exit(0);
}
