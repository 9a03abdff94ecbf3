/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A parameter name may appear once in a prototype; the message counts
 * parameters from 1.
 */

int foo(int x, char *x);

BEGIN
{
	exit(0);
}
