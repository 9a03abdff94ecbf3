/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable first used in a predicate before any assignment is
 * undefined.
 */

#pragma D option quiet

BEGIN
/never_assigned_x > 0/
{
	exit(0);
}
