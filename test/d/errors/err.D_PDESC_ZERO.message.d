/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The message for a description matching no probes.
 *
 * @@no-host
 */

#pragma D option quiet

nosuchprov:::nosuchprobe
{
	exit(0);
}
