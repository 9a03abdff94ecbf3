/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The ? width is the width of a pointer in hexadecimal (16 on 64-bit).
 */

#pragma D option quiet

BEGIN
{
	printf("[%?d]\n", 5);
	printf("[%-?d]\n", 5);
	exit(0);
}
