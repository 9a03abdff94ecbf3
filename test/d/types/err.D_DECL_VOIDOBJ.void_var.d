/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable cannot be of type void.
 */

#pragma D option quiet

void v;

BEGIN
{
	exit(0);
}
