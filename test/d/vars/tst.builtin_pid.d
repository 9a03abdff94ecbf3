/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * In BEGIN and END, pid, ppid, uid and gid are those of the dtrace
 * process.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", pid == $pid, ppid == $ppid, uid == $uid,
	    gid == $gid);
	printf("%d %d\n", tid > 0, execname == "dtrace");
	exit(0);
}

END
{
	printf("%d\n", pid == $pid);
}
