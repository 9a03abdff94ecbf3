/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * $pid is the pid of the dtrace process.
 */

#pragma D option quiet

BEGIN
{
	printf("%d\n", $pid > 0 && $pid == pid);
	exit(0);
}
