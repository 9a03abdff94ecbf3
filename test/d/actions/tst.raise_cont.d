/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * raise() sends a signal to the current process; SIGCONT does not
 * disturb dtrace.
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	raise(18);
	printf("ok\n");
	exit(0);
}
