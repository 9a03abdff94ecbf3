/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Clause-local variables keep their values across the clauses of one
 * probe firing (Dynamic Tracing Guide, clause-local variables).
 */

#pragma D option quiet

this int foo;

BEGIN
{
	this->foo = 10;
}

BEGIN
{
	this->foo++;
}

BEGIN
{
	printf("%d\n", this->foo);
	exit(0);
}
