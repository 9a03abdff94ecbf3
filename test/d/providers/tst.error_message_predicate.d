/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The error message names the predicate when the predicate faults.
 */

#pragma D option quiet

BEGIN
/ *(char *)8 /
{
}

BEGIN
{
	exit(0);
}
