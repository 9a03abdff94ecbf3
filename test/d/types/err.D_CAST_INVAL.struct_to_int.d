/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct cannot be cast to an integer.
 */

#pragma D option quiet

struct s { int x; };
struct s v;

BEGIN
{
	x = (int)v;
}
