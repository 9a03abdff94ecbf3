/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A void parameter may not have a name.
 */

int foo(void x);

BEGIN
{
	exit(0);
}
