/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, traced integers are right-justified in 3, 5, 8 or 16
 * columns by size.
 */

BEGIN
{
	trace((char)5);
	trace((short)300);
	trace(70000);
	trace(5000000000);
	exit(0);
}
