/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The prototype mismatch message gives the number of arguments passed
 * and expected.
 */

#pragma D option quiet

BEGIN
{
	x = strlen("a", "b");
}
