/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stringof() cannot be applied to a struct.
 */

#pragma D option quiet

struct s {
	int a;
};

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	x = stringof(*this->p);
}
