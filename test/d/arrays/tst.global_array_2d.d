/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Arrays of arrays and of structs as global variables: a[1][2] is the
 * sixth int of int a[2][3] (row-major, as in C), a pointer to the first
 * element reaches the same storage, and a struct element's members are
 * addressed through the index.
 */

#pragma D option quiet

struct pt {
	int x;
	int y;
};

int a[2][3];
struct pt p[3];
int *q;

BEGIN
{
	a[1][2] = 7;
	q = &a[0][0];
	p[2].y = 9;
	printf("%d %d %d %d %d\n", q[5], a[1][2], p[2].y, p[1].y,
	    sizeof (p));
	exit(0);
}
