/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ERROR fires when the fault happens, before later clauses of the
 * faulting probe.
 */

#pragma D option quiet

BEGIN
{
	printf("one\n");
}

BEGIN
{
	x = *(int *)0;
}

BEGIN
{
	printf("three\n");
	exit(0);
}

ERROR
{
	printf("error\n");
}
