/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -l lists an entry and a return probe of the syscall provider for
 * read, openat and getppid, with an empty module field (as in DTrace).
 *
 * @@runtest-opts: -l
 * @@no-host: dtrace -l needs the module
 */

syscall::read:,
syscall::openat:,
syscall::getppid:entry,
syscall::getppid:return
{
}
