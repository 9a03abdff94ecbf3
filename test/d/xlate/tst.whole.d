/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a whole translation is a value: xlate<T *>(x) points to a T
 * holding every member the translator defines (members it does not define
 * are 0), integers converted to the members' types, strings and char
 * arrays copied into char array and string members (at most the member's
 * size); xlate<T>(x) is the struct itself.
 */
#pragma D option quiet

struct in {
	int a;
	char name[8];
};

struct out {
	int x;
	short y;
	long undefined;
	char nm[8];
	char cut[4];
	string s;
};

translator struct out < struct in *P >
{
	x = P->a + 1;
	y = P->a * 10000;
	nm = P->name;
	cut = "abcdefgh";
	s = strjoin(P->name, "!");
};

BEGIN
{
	this->p = (struct in *)alloca(sizeof (struct in));
	this->p->a = 41;
	this->p->name[0] = 'o';
	this->p->name[1] = 'k';
	this->o = xlate<struct out *>(this->p);
	printf("%d %d %d %s %s\n", this->o->x, this->o->y,
	    this->o->undefined, this->o->nm, this->o->s);
	printf("%c%c%c%c\n", this->o->cut[0], this->o->cut[1],
	    this->o->cut[2], this->o->cut[3]);
	this->v = (*xlate<struct out *>(this->p)).x;
	printf("%d %d\n", this->v,
	    sizeof (xlate<struct out>(this->p)) == sizeof (struct out));
	exit(0);
}
