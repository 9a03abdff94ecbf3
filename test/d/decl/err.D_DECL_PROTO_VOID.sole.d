/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * void must be the only parameter of a prototype (DTrace's
 * dt_decl_prototype()).
 */

int foo(void, int);

BEGIN
{
	exit(0);
}
