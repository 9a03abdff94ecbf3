/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: kernel types by their C names: struct sizes and member
 * offsets (struct list_head is two pointers), typedefs (u32, atomic_t),
 * an enumerator as a constant (TASK_COMM_LEN, the size of
 * task_struct's comm), casts to kernel struct pointers, and a union.
 */
#pragma D option quiet

BEGIN
{
	printf("%d %d %d\n", sizeof (struct list_head),
	    offsetof(struct list_head, next), offsetof(struct list_head, prev));
	printf("%d %d %d\n", sizeof (u32), sizeof (atomic_t), sizeof (u64));
	printf("%d %d\n", TASK_COMM_LEN, sizeof (curthread->comm));
	printf("%d\n", ((struct task_struct *)curthread)->tgid == pid);
	printf("%d\n", sizeof (union { int a; long b; }) == 8);
	exit(0);
}
