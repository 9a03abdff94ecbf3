/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Thread-local and clause-local variables may be scalar arrays too
 * ("self int a[3];", "this int b[2];"): a thread-local array comes into
 * being zero-filled at its first use, so an element never stored reads
 * as 0.
 */

#pragma D option quiet

self int a[3];
this int b[2];

BEGIN
{
	self->a[2] = 7;
	this->b[1] = 5;
}

BEGIN
{
	printf("%d %d %d %d\n", self->a[2], self->a[0], this->b[1],
	    sizeof (self->a));
	exit(0);
}
