/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %s prints strings with width, precision and left justification.
 */

#pragma D option quiet

BEGIN
{
	s = "hello";
	printf("[%s][%10s][%-10s]\n", s, s, s);
	printf("[%.3s][%10.2s][%.10s]\n", s, s, s);
	printf("[%s][%3s]\n", "", "");
	exit(0);
}
