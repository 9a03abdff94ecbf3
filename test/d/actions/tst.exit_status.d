/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The argument of exit() becomes the exit status of dtrace.
 *
 * @@status: 3
 */

#pragma D option quiet

BEGIN
{
	exit(3);
}
