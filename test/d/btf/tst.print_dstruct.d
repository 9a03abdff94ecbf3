/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: print() of a struct the program declares (not a kernel
 * type) is in the same format as a kernel struct's: the type, then each
 * member as "TYPE NAME = VALUE" indented four spaces a level, integers
 * in hex, a char as 'c', an enum by its enumerator, a bit-field's width
 * after its name (" :3"), a char array holding a string as [ "text" ],
 * a nested struct's members under "struct point origin = {" and its
 * closing brace at its level (DTrace's print() format).
 */
#pragma D option quiet

enum color { RED, GREEN, BLUE };

struct point {
	int x;
	int y;
};

struct shape {
	struct point origin;
	enum color col;
	char tag;
	unsigned int flags : 3;
	char name[8];
	struct shape *next;
	long len;
};

BEGIN
{
	this->s = (struct shape *)alloca(sizeof (struct shape));
	this->s->origin.x = 1;
	this->s->origin.y = 2;
	this->s->col = BLUE;
	this->s->tag = 'z';
	this->s->flags = 5;
	this->s->name[0] = 'h';
	this->s->name[1] = 'i';
	this->s->name[2] = '\0';
	this->s->next = NULL;
	this->s->len = 0x1234;
	print(*this->s);
	printf("\n");
	print(this->s->origin);
	printf("\n");
	exit(0);
}
