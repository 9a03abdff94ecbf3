/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: long may only be used with integer (or floating-point) types.
 */
long struct foo {
	int a;
} x;

BEGIN
{
	exit(0);
}
