/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Declarations of all kinds.
 */

typedef unsigned long long ull_t;
struct point {
	int x;
	int y;
	char name[16];
};
union u {
	long l;
	char c[8];
};
enum color { RED, GREEN = 5, BLUE };
inline int ANSWER = 42;
inline string GREETING = "hello";
int counter;
string names[int];
self int depth;
ull_t big;

BEGIN
{
	this int local;
	this->local = ANSWER + BLUE;
	counter = this->local;
	names[counter] = GREETING;
	self->depth++;
	big = (ull_t)counter << 40;
	this->p = (struct point *)alloca(sizeof (struct point));
	this->p->x = offsetof(struct point, y);
	trace(this->p->name);
	trace(stringof(this->p->name));
	trace(sizeof (union u));
}
