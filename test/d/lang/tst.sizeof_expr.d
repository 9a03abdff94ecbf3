/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * sizeof applied to an expression gives the size of its type, and
 * integer promotion applies to arithmetic on small types.
 */

#pragma D option quiet

BEGIN
{
	c = (char)1;
	x = 1;
	printf("%d %d %d\n", sizeof (c), sizeof (x), sizeof (c + c));
	printf("%d %d\n", sizeof (1L + 1), sizeof (x + 1UL));
	printf("%d\n", sizeof x);
	exit(0);
}
