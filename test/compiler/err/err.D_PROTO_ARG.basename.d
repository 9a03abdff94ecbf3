/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * basename() takes a string.
 */

BEGIN
{
	trace(basename(1));
}
