/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() needs one argument.
 */

#pragma D option quiet

BEGIN
{
	speculate();
}
