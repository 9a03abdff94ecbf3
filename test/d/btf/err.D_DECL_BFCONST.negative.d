/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a bit-field width must be a positive integral constant.
 */
struct s {
	int a : -1;
};

BEGIN
{
	exit(0);
}
