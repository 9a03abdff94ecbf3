/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a kernel symbol that does not exist cannot be resolved.
 */
BEGIN
{
	trace(`dtrace_no_such_symbol_here);
	exit(0);
}
