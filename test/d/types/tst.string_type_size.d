/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sizeof(string) is the string size (strsize).
 */

#pragma D option quiet

#pragma D option strsize=128

BEGIN
{
	printf("%d\n", sizeof (string));
	exit(0);
}
