/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An enumerator value beyond the range of int is an error.
 */

#pragma D option quiet

enum big {
	TOO_BIG = 0x7fffffff,
	OVER
};

BEGIN
{
	exit(0);
}
