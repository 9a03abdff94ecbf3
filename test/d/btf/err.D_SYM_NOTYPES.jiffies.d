/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a kernel variable without type information cannot be read
 * as itself (DTrace's "no symbolic type information" error).
 *
 * @@no-host: the host's /proc/kallsyms may lack data symbols
 */
BEGIN
{
	trace(`jiffies);
	exit(0);
}
