/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * -x strsize=N has the same effect as the pragma.
 *
 * @@runtest-opts: -x strsize=12
 */

#pragma D option quiet

BEGIN
{
	s = strjoin("abcdefgh", "ijklmnop");
	printf("%d\n", strlen(s) < 16);
	exit(0);
}
