/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() must come before data.
 */

BEGIN
{
	trace(1);
	speculate(1);
}
