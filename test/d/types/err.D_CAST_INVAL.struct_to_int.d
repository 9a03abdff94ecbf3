/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct cannot be cast to an integer.
 */

#pragma D option quiet

struct s { int x; };

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	x = (int)*this->p;
}
