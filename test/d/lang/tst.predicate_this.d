/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A predicate may test a clause-local variable set by an earlier clause
 * of the same firing.
 */

#pragma D option quiet

BEGIN
{
	this->go = 1;
}

BEGIN
/this->go == 1/
{
	printf("go\n");
	exit(0);
}
