/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * After the line number of a #line directive only a file name string may
 * come (then a state number): a second number is malformed.
 */

#line 5 7

BEGIN
{
	exit(0);
}
