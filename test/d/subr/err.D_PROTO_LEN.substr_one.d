/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * substr() takes two or three arguments.
 */

#pragma D option quiet

BEGIN
{
	x = substr("a");
}
