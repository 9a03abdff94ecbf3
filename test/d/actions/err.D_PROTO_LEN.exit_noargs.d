/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() needs one argument.
 */

#pragma D option quiet

BEGIN
{
	exit();
}
