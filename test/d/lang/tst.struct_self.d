/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A thread-local variable of struct type: a member of one never assigned
 * reads as 0, members can be assigned and updated, the struct keeps its
 * value in the next clause, and a whole-struct assignment copies it.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

self struct pair sp;

BEGIN
{
	printf("%d %d\n", self->sp.a, self->sp.b);
	self->sp.a = 3;
	self->sp.b = -4;
	self->sp.a++;
	self->sp.b *= 2;
}

BEGIN
{
	printf("%d %d\n", self->sp.a, self->sp.b);
	self->copy = self->sp;
	self->sp.a = 0;
	printf("%d %d %d\n", self->copy.a, self->copy.b, self->sp.a);
	exit(0);
}
