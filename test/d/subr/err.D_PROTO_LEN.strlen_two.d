/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strlen() takes one argument.
 */

#pragma D option quiet

BEGIN
{
	x = strlen("a", "b");
}
