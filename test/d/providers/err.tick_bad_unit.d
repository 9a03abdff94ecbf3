/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown tick unit matches no probe.
 *
 * @@no-host
 */

#pragma D option quiet

tick-10parsecs
{
	exit(0);
}
