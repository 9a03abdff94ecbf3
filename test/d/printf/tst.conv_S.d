/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %S prints a string with non-printable characters escaped.
 */

#pragma D option quiet

BEGIN
{
	printf("[%S]\n", "a\tb\nc");
	printf("[%S]\n", "plain");
	exit(0);
}
