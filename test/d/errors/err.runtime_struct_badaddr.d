/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Reading a member through a NULL struct pointer faults. An ERROR
 * clause turns the fault into exit status 1.
 */

#pragma D option quiet

struct foo {
	int a;
	int b;
};

BEGIN
{
	x = ((struct foo *)0)->b;
	exit(0);
}

ERROR
{
	exit(1);
}
