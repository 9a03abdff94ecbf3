/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a per-CPU variable (its symbol is an offset into each CPU's
 * area, not an address) cannot be referenced.
 *
 * @@no-host: the host's /proc/kallsyms may lack data symbols
 */
BEGIN
{
	trace(`runqueues);
	exit(0);
}
