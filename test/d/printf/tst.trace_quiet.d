/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * In quiet mode trace() prints integers and strings without padding or
 * newlines.
 */

#pragma D option quiet

BEGIN
{
	trace(1);
	trace("a");
	trace(-2);
	trace("b\n");
	exit(0);
}
