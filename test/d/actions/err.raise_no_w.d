/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * raise() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	raise(18);
	exit(0);
}
