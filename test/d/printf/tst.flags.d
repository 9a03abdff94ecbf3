/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The printf flags + space 0 and - work as in C, - overriding 0.
 */

#pragma D option quiet

BEGIN
{
	printf("[%+d][%+d][% d][% d]\n", 5, -5, 5, -5);
	printf("[%05d][%-5d][%-05d][%+05d]\n", 42, 42, 42, 42);
	printf("[%05d][%5d]\n", -42, -42);
	exit(0);
}
