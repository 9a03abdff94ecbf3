/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: short and long may not be used with char.
 */
long char c;

BEGIN
{
	exit(0);
}
