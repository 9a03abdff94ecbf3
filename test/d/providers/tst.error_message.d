/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A fault without an ERROR clause prints DTrace's error message on
 * stderr and tracing continues.
 */

#pragma D option quiet

BEGIN
{
	x = *(int *)0;
}

BEGIN
{
	printf("continued\n");
	exit(0);
}
