/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a member path a translator defines must name a member of a
 * struct member of its output type (D_XLATE_MEMB, with the path).
 */

struct pair {
	long a;
	long b;
};

struct holder {
	int x;
	struct pair t;
};

translator struct holder < int T >
{
	x = T;
	t.c = T;
};

BEGIN
{
	exit(0);
}
