/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A message names a type as the program spelled it: a pointer declared
 * through a typedef of a struct is "foo_t *", not "struct foo *" (DTrace
 * names a node's type with ctf_type_name(), which keeps the typedef; the
 * operator rules of dt_cook_op2() refuse the sum of two pointers).
 */

struct foo {
	int a;
};

typedef struct foo foo_t;

BEGIN
{
	p = (foo_t *)0;
	q = p + p;
}
