/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, traced strings are left-justified in 33 columns after
 * two spaces; longer ones are not cut.
 */

BEGIN
{
	trace("short");
	trace("a string that is longer than thirty-three characters");
	exit(0);
}
