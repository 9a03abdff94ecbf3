/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, each record starts with the CPU, probe ID and
 * FUNCTION:NAME columns, integers are right-justified by size, strings
 * left-justified, and a newline ends each probe.
 */

BEGIN
{
	trace(1);
	trace("hello");
	trace(2LL);
	exit(0);
}
