/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -q suppresses the default output.
 *
 * @@runtest-opts: -q
 */

BEGIN
{
	trace("x");
	exit(0);
}
