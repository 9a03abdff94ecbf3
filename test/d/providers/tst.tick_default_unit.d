/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tick-N without a suffix fires N times per second.
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-50
{
	printf("fired\n");
	exit(0);
}
