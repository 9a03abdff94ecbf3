/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * tracemem() needs an address.
 */

#pragma D option quiet

BEGIN
{
	tracemem("abc", 3);
}
