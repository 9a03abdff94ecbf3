/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strlen() needs a string argument.
 */

#pragma D option quiet

BEGIN
{
	x = strlen(1);
}
