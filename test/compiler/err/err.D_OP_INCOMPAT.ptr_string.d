/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A string cannot be compared with an int.
 */

BEGIN
{
	x = execname == 0;
}
