/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Predicates see variables set by earlier clauses of the same firing.
 */

#pragma D option quiet

BEGIN
{
	go = 1;
}

BEGIN
/go == 1/
{
	printf("go\n");
	exit(0);
}
