/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: xlate<T>(x).m, xlate<T *>(x)->m and (*xlate<T *>(x)).m give
 * the value of member m's expression with the translator's parameter
 * bound to x, converted to m's type; char arrays translate as strings.
 */
#pragma D option quiet

struct in {
	int a;
	int b;
	char name[8];
};

struct out {
	int x;
	short y;
	long z;
	char nm[8];
	char first;
};

translator struct out < struct in *P >
{
	x = P->a + 1;
	y = P->b * 2;
	z = sizeof (*P);
	nm = P->name;
	first = P->name[0];
};

BEGIN
{
	this->p = (struct in *)alloca(sizeof (struct in));
	this->p->a = 41;
	this->p->b = 100000;
	this->p->name[0] = 'o';
	this->p->name[1] = 'k';
	this->p->name[2] = '\0';
	printf("%d\n", xlate<struct out>(this->p).x);
	printf("%d\n", xlate<struct out *>(this->p)->y);
	printf("%d\n", (*xlate<struct out *>(this->p)).z);
	printf("%s\n", xlate<struct out *>(this->p)->nm);
	printf("%c\n", xlate<struct out *>(this->p)->first);
	printf("%d %d\n", sizeof (xlate<struct out *>(this->p)->y),
	    sizeof (struct out));
	exit(0);
}
