/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a member load through a bad pointer is a run-time error
 * (the ERROR probe fires, arg5 is the faulting address: the bad pointer
 * plus the member's offset), never a crash; the clause's later actions do
 * not run.
 */
#pragma D option quiet

BEGIN
{
	trace(((struct task_struct *)0x1000)->tgid);
	printf("not reached\n");
}

ERROR
{
	printf("%x\n", arg5 - offsetof(struct task_struct, tgid));
	exit(0);
}
