/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: . cannot be applied to a member that is no struct or union
 * (task_struct's pid is a pid_t).
 */
BEGIN
{
	trace(curthread->pid.x);
	exit(0);
}
