/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An inline definition names a constant expression of a given type.
 */

#pragma D option quiet

inline int FOO = 5 + 3;
inline string NAME = "dtrace";
inline int TWICE = FOO * 2;

BEGIN
{
	printf("%d %s %d\n", FOO, NAME, TWICE);
	exit(0);
}
