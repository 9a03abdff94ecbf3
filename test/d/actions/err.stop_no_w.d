/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stop() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	stop();
	exit(0);
}
