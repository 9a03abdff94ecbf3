/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A boolean option given a value it does not take: DTrace's message for
 * a bad option value, from the same table the consumer uses.
 */

#pragma D option aggpack=maybe

BEGIN
{
	exit(0);
}
