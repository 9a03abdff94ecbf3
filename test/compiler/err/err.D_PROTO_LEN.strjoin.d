/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * strjoin() takes two arguments.
 */

BEGIN
{
	trace(strjoin("a"));
}
