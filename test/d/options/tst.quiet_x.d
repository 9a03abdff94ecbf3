/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -x quiet suppresses the default output.
 *
 * @@runtest-opts: -x quiet
 */

BEGIN
{
	trace("y");
	exit(0);
}
