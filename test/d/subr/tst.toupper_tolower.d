/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * toupper() and tolower() convert letters and leave other characters
 * alone.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s][%s]\n", toupper("Hello, World 1!"), tolower("Hello, World 1!"));
	printf("[%s][%s]\n", toupper(""), tolower("ABC"));
	exit(0);
}
