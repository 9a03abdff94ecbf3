/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A probe description with more than four fields is invalid.
 */

#pragma D option quiet

a:b:c:d:e
{
	exit(0);
}
