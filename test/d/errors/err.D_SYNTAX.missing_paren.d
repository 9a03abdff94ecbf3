/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A ( never closed in an action list is the parser's error, at the }.
 */

BEGIN
{
	rand(
}
