/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause-local variable of struct type starts zeroed in a new firing,
 * keeps its members across the clauses of one firing, and can be copied
 * to and from a global struct.
 */

#pragma D option quiet

struct pair {
	int a;
	long b;
};

this struct pair tp;
struct pair g;

BEGIN
{
	printf("%d %d\n", this->tp.a, this->tp.b);
	this->tp.a = 1;
	this->tp.b = 2;
}

BEGIN
{
	printf("%d %d\n", this->tp.a, this->tp.b);
	g = this->tp;
	this->q = g;
	this->q.b = 20;
	printf("%d %d %d\n", this->q.a, this->q.b, g.b);
	exit(0);
}
