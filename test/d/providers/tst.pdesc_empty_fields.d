/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Empty fields in a probe description match anything.
 */

#pragma D option quiet

dtrace:::
/probename == "BEGIN"/
{
	printf("begin\n");
	exit(0);
}
