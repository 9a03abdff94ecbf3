/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An inline may use other inlines and operators.
 */

#pragma D option quiet

inline int A = 3;
inline int B = A * A + 1;
inline int C = B > 5 ? 100 : 200;

BEGIN
{
	printf("%d %d %d\n", A, B, C);
	exit(0);
}
