/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The destructive option allows destructive actions.
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	system("echo destructive");
	exit(0);
}
