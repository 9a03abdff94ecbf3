/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a translator may translate a member of struct type member
 * by member ("t.a = ...; t.b = ...;", as procfs.d does psinfo_t's
 * pr_start): xlate(x).t.a and xlate(x)->t.b use the one expression,
 * xlate(x)->t alone is the whole struct (print() shows it), and a whole
 * translation kept in a variable holds every part at its offset, the
 * members around it included.
 */
#pragma D option quiet

struct pair {
	long a;
	long b;
};

struct holder {
	int x;
	struct pair t;
	int y;
};

translator struct holder < int T >
{
	x = T;
	t.a = T * 10;
	t.b = T * 100;
	y = 7;
};

BEGIN
{
	printf("%d %d %d %d\n", xlate <struct holder> (3).t.a,
	    xlate <struct holder *> (4)->t.b, xlate <struct holder> (5).x,
	    xlate <struct holder> (5).y);
	this->h = xlate <struct holder *> (6);
	printf("%d %d %d %d\n", this->h->x, this->h->t.a, this->h->t.b,
	    this->h->y);
	print(xlate <struct holder *> (2)->t);
	printf("\n");
	print(*xlate <struct holder *> (2));
	printf("\n");
	exit(0);
}
