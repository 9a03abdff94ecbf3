/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sum() needs a scalar argument, not a string.
 */

#pragma D option quiet

BEGIN
{
	@a = sum("abc");
}
