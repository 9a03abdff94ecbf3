/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * $uid, $gid and $ppid are those of the dtrace process.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", $uid == uid, $gid == gid, $ppid > 0);
	exit(0);
}
