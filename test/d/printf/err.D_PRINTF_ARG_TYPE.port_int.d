/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * %P takes exactly a uint16_t (DTrace checks the type itself, not just
 * integers): an int argument is refused with the prototype named.
 */

BEGIN
{
	printf("%P\n", 22);
	exit(0);
}
