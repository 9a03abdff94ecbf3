/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * system() runs a shell command from the consumer (destructive).
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	system("echo hello");
	exit(0);
}
