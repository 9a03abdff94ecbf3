/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() records data: it may not follow commit( ) in a clause.
 */

BEGIN
{
	commit(1);
	exit(0);
}
