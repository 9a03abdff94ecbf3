/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * #error (a directive after a naked #) is the same directive.
 */

#error not here

BEGIN
{
	exit(0);
}
