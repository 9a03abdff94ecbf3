/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause whose predicate is false does not run.
 */

#pragma D option quiet

BEGIN
/1 == 2/
{
	printf("wrong\n");
}

BEGIN
/2 == 2/
{
	printf("right\n");
	exit(0);
}
