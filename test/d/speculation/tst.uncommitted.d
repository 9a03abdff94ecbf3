/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Speculative data never committed is not printed.
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
}

BEGIN
{
	speculate(s);
	printf("lost\n");
}

BEGIN
{
	printf("kept\n");
	exit(0);
}
