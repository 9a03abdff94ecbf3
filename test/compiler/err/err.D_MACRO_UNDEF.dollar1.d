/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * $1 without an argument.
 */

BEGIN
{
	trace($1);
}
