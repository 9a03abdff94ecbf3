/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Unknown struct member.
 */

struct s { int a; };

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	trace(this->p->b);
}
