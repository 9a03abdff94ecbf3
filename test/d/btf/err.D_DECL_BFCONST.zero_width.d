/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a named bit-field may not have width zero (only an unnamed
 * one may, to end the storage unit).
 */
struct s {
	int a : 0;
};

BEGIN
{
	exit(0);
}
