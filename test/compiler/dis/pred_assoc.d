/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -S shows the predicate, the associative-array tuple and the record.
 */
syscall::read:entry
/execname == "sshd"/
{
	counts[pid, probefunc]++;
	trace(counts[pid, probefunc]);
}
