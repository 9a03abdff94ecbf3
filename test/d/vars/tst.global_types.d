/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A variable takes the type of its first assignment.
 */

#pragma D option quiet

BEGIN
{
	c = (char)1;
	s = (short)2;
	l = 3L;
	p = (int *)0;
	printf("%d %d %d %d\n", sizeof (c), sizeof (s), sizeof (l), sizeof (p));
	exit(0);
}
