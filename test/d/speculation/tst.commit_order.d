/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Speculations are emitted in the order they are committed.
 */

#pragma D option quiet

#pragma D option nspec=2

BEGIN
{
	s1 = speculation();
	s2 = speculation();
}

BEGIN
{
	speculate(s1);
	printf("first speculation\n");
}

BEGIN
{
	speculate(s2);
	printf("second speculation\n");
}

BEGIN
{
	commit(s2);
}

BEGIN
{
	commit(s1);
}

BEGIN
{
	exit(0);
}
