/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A thread-local variable comes into being at its first assignment in
 * program order: reading it in an earlier clause is an error.
 */

syscall::read:return
/self->ts/
{
	trace(timestamp - self->ts);
}

syscall::read:entry
{
	self->ts = timestamp;
}
