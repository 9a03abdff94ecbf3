/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Only one speculate() per clause, even with data recorded between.
 */

BEGIN
{
	speculate(1);
	trace(1);
	speculate(2);
}
