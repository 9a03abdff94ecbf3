/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * lltostr() converts a 64-bit integer to its decimal string.
 */

#pragma D option quiet

BEGIN
{
	printf("[%s][%s][%s]\n", lltostr(123), lltostr(-5), lltostr(0));
	printf("[%s]\n", lltostr(9223372036854775807));
	printf("[%s]\n", strjoin("n=", lltostr(42)));
	exit(0);
}
