/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Calling an unknown function is an error.
 */

#pragma D option quiet

BEGIN
{
	x = nosuchfunction(1);
}
