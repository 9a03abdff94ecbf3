/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * system() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	system("echo should-not-run");
	exit(0);
}
