/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A newline ends a string literal badly.
 */

BEGIN
{
	x = "abc
def";
}
