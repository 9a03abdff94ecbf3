/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: curthread is the kernel's struct task_struct * (from BTF):
 * its pid is the thread id (tid), its tgid the process id (pid), its
 * real_parent's tgid the parent's (ppid), its comm the execname, the
 * members of its cred the uid and gid.
 */
#pragma D option quiet

BEGIN
{
	printf("%d %d %d %d\n", curthread->pid == tid, curthread->tgid == pid,
	    curthread->real_parent->tgid == ppid,
	    stringof(curthread->comm) == execname);
	printf("%d %d\n", curthread->cred->uid.val == uid,
	    curthread->cred->gid.val == gid);
	printf("%s\n", stringof(curthread->comm));
	exit(0);
}
