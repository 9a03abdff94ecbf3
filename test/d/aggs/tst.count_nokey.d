/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * count() without keys counts probe firings; unprinted aggregations are
 * printed when dtrace exits, after a blank line.
 */

#pragma D option quiet

BEGIN
{
	@ = count();
	@ = count();
	@ = count();
	exit(0);
}
