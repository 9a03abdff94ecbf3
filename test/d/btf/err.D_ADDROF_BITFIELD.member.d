/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: the address of a bit-field cannot be taken.
 */
struct s {
	int a : 3;
};

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	trace(&this->p->a);
	exit(0);
}
