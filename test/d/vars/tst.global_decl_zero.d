/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Explicitly declared global variables start as zero / the empty
 * string.
 */

#pragma D option quiet

int i;
long l;
string s;
char c;
uint64_t u;

BEGIN
{
	printf("%d %d [%s] %d %d\n", i, l, s, c, u);
	exit(0);
}
