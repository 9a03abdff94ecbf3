/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct cannot have two members with the same name.
 */

#pragma D option quiet

struct s {
	int a;
	int a;
};

BEGIN
{
	exit(0);
}
