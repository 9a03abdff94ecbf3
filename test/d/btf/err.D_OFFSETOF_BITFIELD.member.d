/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: offsetof cannot be applied to a bit-field.
 */
struct s {
	int x;
	int a : 3;
};

BEGIN
{
	trace(offsetof(struct s, a));
	exit(0);
}
