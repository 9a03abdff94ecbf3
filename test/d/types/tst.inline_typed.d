/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An inline has the declared type: a char inline truncates its value.
 */

#pragma D option quiet

inline char CH = 'A' + 1;
inline long BIG = 1L << 40;

BEGIN
{
	printf("%c %d %d\n", CH, sizeof (CH), BIG);
	exit(0);
}
