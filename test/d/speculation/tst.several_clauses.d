/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Several clauses may speculate to the same speculation; a commit emits
 * all of it in order.
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("one\n");
}

BEGIN
{
	speculate(s);
	printf("two\n");
	trace("three\n");
}

BEGIN
{
	commit(s);
}

BEGIN
{
	exit(0);
}
