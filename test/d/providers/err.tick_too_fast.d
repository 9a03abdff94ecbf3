/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Intervals shorter than the profile provider allows are refused.
 *
 * @@no-host
 */

#pragma D option quiet

tick-1ns
{
	exit(0);
}
