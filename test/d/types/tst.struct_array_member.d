/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Array members of structs are laid out contiguously and indexed.
 */

#pragma D option quiet

struct s {
	int n;
	int v[4];
};

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	this->p->n = 4;
	this->p->v[0] = 10;
	this->p->v[3] = 13;
	printf("%d %d %d %d\n", this->p->v[0], this->p->v[3], sizeof (struct s),
	    offsetof (struct s, v));
	exit(0);
}
