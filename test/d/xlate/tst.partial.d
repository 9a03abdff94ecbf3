/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: translation is member by member: only the members a program
 * uses are computed (a member whose expression would fault is never
 * evaluated when unused), and a partial translator (not defining every
 * member of its output type) serves the members it defines.
 */
#pragma D option quiet

struct in {
	int a;
};

struct out {
	int good;
	int bad;
	int undefined;
};

translator struct out < struct in *P >
{
	good = P->a * 3;
	bad = *(int *)NULL;
};

BEGIN
{
	this->p = (struct in *)alloca(sizeof (struct in));
	this->p->a = 14;
	printf("%d\n", xlate<struct out *>(this->p)->good);
	exit(0);
}

ERROR
{
	printf("fault\n");
	exit(1);
}
