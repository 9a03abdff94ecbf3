/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * speculate() may not follow commit().
 */

BEGIN
{
	commit(1);
	speculate(2);
}
