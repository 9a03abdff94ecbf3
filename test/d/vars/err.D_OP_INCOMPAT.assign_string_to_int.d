/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable keeps the type of its declaration: a string cannot be
 * assigned to an int.
 */

#pragma D option quiet

int x;

BEGIN
{
	x = "abc";
}
