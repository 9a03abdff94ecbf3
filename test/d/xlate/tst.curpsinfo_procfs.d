/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: curpsinfo's pr_pid, pr_ppid, pr_fname and pr_uid in the
 * target process are what its own /proc says (pid, parent, comm, Uid):
 * the target, pshelper.sh, prints them from /proc/self when it writes;
 * the filter compares its line with dtrace's.
 *
 * @@runtest-opts: -c ./pshelper.sh
 * @@timeout: 60
 */
#pragma D option quiet

int done;

syscall::write:entry
/pid == $target && !done/
{
	done = 1;
	printf("dtrace %d %d %s %d\n", curpsinfo->pr_pid, curpsinfo->pr_ppid,
	    curpsinfo->pr_fname, curpsinfo->pr_uid);
}
