/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: curpsinfo and curlwpsinfo translated whole (their value kept
 * in a variable) hold the same fields as read one by one: the process id,
 * parent, command name and argument list, the thread id.
 */
#pragma D option quiet

BEGIN
{
	this->ps = curpsinfo;
	this->lw = curlwpsinfo;
	printf("%d %d %d %d %d\n", this->ps->pr_pid == pid,
	    this->ps->pr_ppid == ppid, this->ps->pr_fname == execname,
	    this->ps->pr_uid == uid, this->lw->pr_lwpid == tid);
	printf("%d %d\n", this->ps->pr_psargs == curpsinfo->pr_psargs,
	    this->lw->pr_sname == curlwpsinfo->pr_sname);
	exit(0);
}
