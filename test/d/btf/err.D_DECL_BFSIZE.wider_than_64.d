/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: bit-field width cannot be greater than 64 bits in D.
 */
struct s {
	int a : 1;
	long b : 65;
};

BEGIN
{
	exit(0);
}
