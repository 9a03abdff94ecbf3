/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The stackframes option sets the default depth of stack().
 */

#pragma D option quiet

#pragma D option stackframes=1

BEGIN
{
	stack();
	exit(0);
}
