/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: sizeof cannot be applied to a bit-field.
 */
struct s {
	int a : 3;
};

struct s v;

BEGIN
{
	trace(sizeof (v.a));
	exit(0);
}
