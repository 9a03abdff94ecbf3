/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An integer cannot be assigned to a struct variable.
 */

struct s {
	long a;
};

struct s v;

BEGIN
{
	v = 1;
}
