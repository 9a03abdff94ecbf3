/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ustack(n) prints at most n frames.
 */

#pragma D option quiet

BEGIN
{
	ustack(1);
	exit(0);
}
