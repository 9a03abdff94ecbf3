/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A probe description that matches no probe is an error.
 *
 * @@no-host
 */

#pragma D option quiet

nosuchprovider:::nosuchprobe
{
	exit(0);
}
