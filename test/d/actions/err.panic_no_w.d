/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * panic() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	panic();
	exit(0);
}
