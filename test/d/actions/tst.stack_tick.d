/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack() works in the profile provider (interrupt context).
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-10ms
{
	stack();
	exit(0);
}
