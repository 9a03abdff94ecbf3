/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a member the kernel's struct task_struct does not have is an
 * error naming the member and the struct.
 */
BEGIN
{
	trace(curthread->no_such_member);
	exit(0);
}
