/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a bit-field may not be wider than its type (int: 32 bits).
 */
struct s {
	int a : 33;
};

BEGIN
{
	exit(0);
}
