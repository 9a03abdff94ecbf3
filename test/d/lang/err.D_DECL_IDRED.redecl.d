/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Declaring a variable twice with different types is an error.
 */

#pragma D option quiet

int x;
char *x;

BEGIN
{
	exit(0);
}
