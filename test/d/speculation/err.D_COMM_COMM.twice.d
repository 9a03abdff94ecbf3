/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Only one commit() per clause.
 */

BEGIN
{
	commit(1);
	commit(2);
}
