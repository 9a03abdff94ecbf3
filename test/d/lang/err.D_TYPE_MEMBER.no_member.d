/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Referring to a member a struct does not have is an error.
 */

#pragma D option quiet

struct s {
	int a;
};

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	this->p->b = 1;
}
