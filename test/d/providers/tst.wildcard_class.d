/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A [...] character class matches one of the listed characters.
 */

#pragma D option quiet

dtrace:::[BE][EN]*
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
