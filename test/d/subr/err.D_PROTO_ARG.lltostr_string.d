/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lltostr() needs an integer argument.
 */

#pragma D option quiet

BEGIN
{
	x = lltostr("1");
}
