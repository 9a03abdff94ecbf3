/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * chill() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	chill(1000);
	exit(0);
}
