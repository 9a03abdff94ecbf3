/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A * in a probe description matches every dtrace provider probe, so
 * the clause runs for BEGIN and END.
 */

#pragma D option quiet

dtrace:::*
{
	printf("%s\n", probename);
}

BEGIN
{
	exit(0);
}
