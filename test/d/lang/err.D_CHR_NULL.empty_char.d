/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An empty character constant is an error.
 */

#pragma D option quiet

BEGIN
{
	x = '';
}
