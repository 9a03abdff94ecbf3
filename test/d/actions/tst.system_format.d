/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * system() takes a printf-style format and arguments.
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	system("echo %d %s", 42, "x");
	exit(0);
}
