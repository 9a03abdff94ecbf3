/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * * takes the width or precision from an argument; a negative width
 * left-justifies.
 */

#pragma D option quiet

BEGIN
{
	printf("[%*d]\n", 6, 42);
	printf("[%-*d]\n", 6, 42);
	printf("[%*d]\n", -6, 42);
	printf("[%.*s]\n", 2, "hello");
	printf("[%*.*s]\n", 6, 3, "hello");
	exit(0);
}
