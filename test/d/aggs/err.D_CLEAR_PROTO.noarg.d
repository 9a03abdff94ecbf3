/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * clear() needs exactly one argument.
 */

#pragma D option quiet

BEGIN
{
	clear();
}
