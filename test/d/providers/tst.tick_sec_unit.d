/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tick-1sec fires.
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-1sec
{
	printf("fired\n");
	exit(0);
}
