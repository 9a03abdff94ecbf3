/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printf() with no conversions prints the format verbatim.
 */

#pragma D option quiet

BEGIN
{
	printf("plain text\n");
	printf("no newline");
	printf(" then more\n");
	exit(0);
}
