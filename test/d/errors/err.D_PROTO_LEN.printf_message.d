/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf() without arguments: prototype mismatch message.
 */

#pragma D option quiet

BEGIN
{
	printf();
}
