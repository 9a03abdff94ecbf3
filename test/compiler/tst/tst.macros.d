/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Macro variables expand in descriptions and expressions.
 *
 * @@runtest-opts: 5 abc
 */

syscall::read:entry
/pid == $pid || ppid == $ppid || uid == $uid/
{
	trace($1 + 1);
	trace($$2);
	trace($$1);
}
