/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * max() needs an argument.
 */

#pragma D option quiet

BEGIN
{
	@a = max();
}
