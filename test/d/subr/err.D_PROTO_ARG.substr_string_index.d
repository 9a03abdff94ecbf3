/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The substr() index must be an integer.
 */

#pragma D option quiet

BEGIN
{
	x = substr("abc", "1");
}
