/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: the D library's curpsinfo, curlwpsinfo and curcpu (psinfo_t,
 * lwpsinfo_t, cpuinfo_t of the Guide, translated from struct task_struct
 * and the CPU number) agree with the built-in variables: pr_pid is the
 * process id, pr_ppid the parent's, pr_fname the command name, pr_uid and
 * pr_gid the real ids, pr_lwpid the thread id, cpu_id and pr_onpro the
 * CPU; the thread running the probe is on a CPU (SONPROC, 'O'); the
 * argument list starts with the command's path.
 */
#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d %d\n", curpsinfo->pr_pid == pid,
	    curpsinfo->pr_ppid == ppid, curpsinfo->pr_fname == execname,
	    curpsinfo->pr_uid == uid, curpsinfo->pr_gid == gid);
	printf("%d %d %d\n", curlwpsinfo->pr_lwpid == tid,
	    curcpu->cpu_id == cpu, curlwpsinfo->pr_onpro == cpu);
	printf("%d %c %d\n", curlwpsinfo->pr_state == SONPROC,
	    curlwpsinfo->pr_sname, curpsinfo->pr_dmodel == PR_MODEL_LP64);
	printf("%d %d\n", index(curpsinfo->pr_psargs, "dtrace") >= 0,
	    curpsinfo->pr_nlwp >= 1);
	printf("%s\n", curpsinfo->pr_fname);
	exit(0);
}
