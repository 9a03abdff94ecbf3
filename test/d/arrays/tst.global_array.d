/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A global array variable (the Guide's "Array Declarations and Storage":
 * "int a[5];" declares a scalar array of five ints) starts zero-filled,
 * keeps its elements across clauses, takes constant and variable indexes
 * and has the size of the whole array.
 */

#pragma D option quiet

int a[5];

BEGIN
{
	a[0] = 10;
	a[4] = 40;
	i = 2;
	a[i] = 20;
}

BEGIN
{
	printf("%d %d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4],
	    sizeof (a));
	exit(0);
}

END
{
	printf("%d\n", a[0] + a[2] + a[4]);
}
