/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() needs an integer argument.
 */

#pragma D option quiet

BEGIN
{
	exit("x");
}
