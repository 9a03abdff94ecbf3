/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * commit() may not follow exit(), a data-recording action.
 */

BEGIN
{
	exit(0);
	commit(1);
}
