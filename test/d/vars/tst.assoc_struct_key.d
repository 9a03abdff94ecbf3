/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Structs and unions are associative-array keys, compared by value: a
 * second variable holding the same members finds the element, one that
 * differs in any member does not; in a tuple with other keys too, and in
 * a thread-local array.
 */

#pragma D option quiet

struct record {
	int a;
	char c;
	long b;
};

union both {
	int i;
	char c[4];
};

struct record r1, r2, r3;
union both u1, u2;

BEGIN
{
	r1.a = 1; r1.c = 'x'; r1.b = 2;
	r2.a = 1; r2.c = 'x'; r2.b = 2;
	r3.a = 1; r3.c = 'x'; r3.b = 3;
	u1.i = 0x01020304;
	u2.c[0] = 4; u2.c[1] = 3; u2.c[2] = 2; u2.c[3] = 1;

	a[r1] = 10;
	t[r1, "k"] = 20;
	self->s[r1] = 30;
	u[u1] = 40;

	printf("%d %d %d %d\n", a[r2], t[r2, "k"], self->s[r2], u[u2]);
	printf("%d %d %d\n", a[r3], t[r2, "j"], self->s[r3]);
	exit(0);
}
