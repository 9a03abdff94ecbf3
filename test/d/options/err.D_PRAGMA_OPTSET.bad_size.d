/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A malformed size is an error.
 */

#pragma D option quiet

#pragma D option bufsize=lots

BEGIN
{
	exit(0);
}
