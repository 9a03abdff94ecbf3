/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * self must be followed by -> and a name.
 */

#pragma D option quiet

BEGIN
{
	self = 1;
}
