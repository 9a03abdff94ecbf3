/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A syntax error message shows the token it occurred near.
 */

#pragma D option quiet

BEGIN
{
	x = 1 + ;
}
