/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown option in a pragma is an error.
 */

#pragma D option quiet

#pragma D option nosuchoption

BEGIN
{
	exit(0);
}
