/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Thread-local variables keep their values across clauses of the same
 * thread.
 */

#pragma D option quiet

BEGIN
{
	self->x = 5;
	self->s = "str";
}

BEGIN
{
	self->x += 2;
	printf("%d %s\n", self->x, self->s);
	exit(0);
}
