/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * rand() takes no arguments.
 */

#pragma D option quiet

BEGIN
{
	x = rand(1);
}
