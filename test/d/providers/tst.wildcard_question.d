/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A ? matches exactly one character.
 */

#pragma D option quiet

dtrace:::?ND
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
