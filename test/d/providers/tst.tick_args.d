/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * For tick probes one of arg0 (kernel PC) and arg1 (user PC) is set.
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-10ms
{
	printf("%d\n", arg0 != 0 || arg1 != 0);
	exit(0);
}
