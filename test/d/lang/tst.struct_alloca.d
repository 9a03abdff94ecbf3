/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Struct members can be written and read through a pointer to alloca()
 * scratch memory.
 */

#pragma D option quiet

struct point {
	int x;
	int y;
};

BEGIN
{
	this->p = (struct point *)alloca(sizeof (struct point));
	this->p->x = 3;
	this->p->y = -4;
	printf("%d %d\n", this->p->x, this->p->y);
	printf("%d\n", (*this->p).x + (*this->p).y);
	exit(0);
}
