/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strjoin() needs string arguments.
 */

#pragma D option quiet

BEGIN
{
	x = strjoin("a", 2);
}
