/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An integer constant too large for any integer type is an error.
 */

#pragma D option quiet

BEGIN
{
	x = 123456789012345678901234567890;
}
