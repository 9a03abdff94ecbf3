/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A tick probe reports provider profile and its name.
 *
 * @@timeout: 60
 */

#pragma D option quiet

tick-10ms
{
	printf("%s:%s:%s:%s\n", probeprov, probemod, probefunc, probename);
	exit(0);
}
