/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Defining a struct tag twice is an error.
 */

#pragma D option quiet

struct s {
	int a;
};

struct s {
	int b;
};

BEGIN
{
	exit(0);
}
