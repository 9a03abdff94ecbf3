/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf() needs at least a format.
 */

#pragma D option quiet

BEGIN
{
	printf();
}
