/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A probe may be named with four, three, two or one fields; missing
 * leading fields match anything.
 */

#pragma D option quiet

dtrace:::BEGIN
{
	printf("1");
}

:::BEGIN
{
	printf("2");
}

::BEGIN
{
	printf("3");
}

BEGIN
{
	printf("4\n");
	exit(0);
}
