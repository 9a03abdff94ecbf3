/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stack(n) prints at most n frames.
 */

#pragma D option quiet

BEGIN
{
	stack(1);
	exit(0);
}
