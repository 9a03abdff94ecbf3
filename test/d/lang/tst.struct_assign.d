/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Assigning a whole struct copies it between global, thread-local,
 * clause-local variables and associative-array elements of the same
 * struct type; later changes to one copy do not show in the others.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

struct pair g1, g2;
struct pair arr[int];

BEGIN
{
	g1.a = 1;
	g1.b = 2;
	g2 = g1;
	g1.a = 10;
	printf("%d %d %d\n", g2.a, g2.b, g1.a);

	arr[1] = g1;
	arr[1].b = 20;
	printf("%d %d %d\n", arr[1].a, arr[1].b, g1.b);

	self->s = arr[1];
	this->t = self->s;
	this->t.a = 99;
	g2 = this->t;
	printf("%d %d %d %d\n", self->s.a, this->t.a, g2.a, g2.b);

	arr[2] = arr[1];
	arr[1].a = 7;
	printf("%d %d\n", arr[2].a, arr[1].a);
	exit(0);
}
