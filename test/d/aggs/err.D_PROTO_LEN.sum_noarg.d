/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sum() needs an argument.
 */

#pragma D option quiet

BEGIN
{
	@a = sum();
}
