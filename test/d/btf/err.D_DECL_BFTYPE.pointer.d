/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: only integer types may be bit-fields.
 */
struct s {
	int *p : 3;
};

BEGIN
{
	exit(0);
}
