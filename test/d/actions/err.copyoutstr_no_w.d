/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyoutstr() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	copyoutstr("abc", 0, 4);
	exit(0);
}
