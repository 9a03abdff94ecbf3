/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Structs may contain structs; members are reached with chained . and
 * ->.
 */

#pragma D option quiet

struct inner {
	short a;
	short b;
};

struct outer {
	int x;
	struct inner in;
	long y;
};

BEGIN
{
	this->p = (struct outer *)alloca(sizeof (struct outer));
	this->p->in.a = 3;
	this->p->in.b = 4;
	this->p->y = 5;
	printf("%d %d %d\n", this->p->in.a, this->p->in.b, this->p->y);
	printf("%d %d %d\n", sizeof (struct outer), offsetof (struct outer, in),
	    offsetof (struct outer, y));
	exit(0);
}
