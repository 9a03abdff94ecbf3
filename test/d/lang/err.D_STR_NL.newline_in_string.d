/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A newline inside a string constant is an error.
 */

#pragma D option quiet

BEGIN
{
	printf("abc
def");
}
