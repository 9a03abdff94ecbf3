/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A member of array type is bounds-checked like a declared array.
 */

struct s {
	int v[4];
};

struct s x;

BEGIN
{
	x.v[4] = 1;
	exit(0);
}
