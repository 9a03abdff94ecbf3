/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A typedef may name a struct type.
 */

#pragma D option quiet

typedef struct pt {
	int x;
	int y;
} pt_t;

BEGIN
{
	this->p = (pt_t *)alloca(sizeof (pt_t));
	this->p->x = 1;
	this->p->y = 2;
	printf("%d %d\n", this->p->x + this->p->y, sizeof (pt_t));
	exit(0);
}
