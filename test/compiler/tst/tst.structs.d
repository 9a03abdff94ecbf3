/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Struct and union variables in every scope, array elements, members and
 * whole-struct copies compile and pass the module's validator.
 */
struct pair {
	int a;
	long b;
};

union u {
	int i;
	char c[8];
};

struct pair g;
self struct pair s;
this struct pair t;
struct pair arr[int, string];
self union u su[int];

BEGIN
{
	g.a = 1;
	self->s = g;
	this->t = self->s;
	arr[1, "x"] = this->t;
	arr[1, "x"].b += g.a;
	self->su[3].i = arr[1, "x"].a;
	self->su[4] = self->su[3];
	trace(self->su[4].c[0]);
	self->implicit = arr[2, "y"];
	trace(self->implicit.b);
}
