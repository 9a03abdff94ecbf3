/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf() without arguments: prototype mismatch message.  DTrace's
 * prototype check prints "N args passed, M expected" for variadic
 * prototypes too (M is the number of fixed arguments), without "at least".
 */

#pragma D option quiet

BEGIN
{
	printf();
}
