/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: signed and unsigned may only be used with integer types.
 */
struct foo {
	int a;
};

unsigned struct foo x;

BEGIN
{
	exit(0);
}
