/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Output of successive printf() calls, in one clause and across
 * clauses, keeps program order.
 */

#pragma D option quiet

BEGIN
{
	printf("1");
	printf("2");
}

BEGIN
{
	printf("3\n");
	exit(0);
}

END
{
	printf("4\n");
}
