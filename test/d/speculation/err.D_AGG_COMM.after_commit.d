/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregating actions may not follow commit().
 */

BEGIN
{
	commit(1);
	@a = count();
}
