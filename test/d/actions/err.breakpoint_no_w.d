/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * breakpoint() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	breakpoint();
	exit(0);
}
