/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Enumerators with explicit values, including negative and large ones.
 */

#pragma D option quiet

enum e {
	E_NEG = -100,
	E_ZERO = 0,
	E_BIG = 0x7fffffff
};

BEGIN
{
	printf("%d %d %d\n", E_NEG, E_ZERO, E_BIG);
	exit(0);
}
