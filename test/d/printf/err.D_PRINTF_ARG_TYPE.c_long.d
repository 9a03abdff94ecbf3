/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %c needs a char, short or int argument.
 */

#pragma D option quiet

BEGIN
{
	printf("%c\n", (long)65);
}
