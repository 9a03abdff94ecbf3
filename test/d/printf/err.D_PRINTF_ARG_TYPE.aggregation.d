/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An aggregation given to printf() is checked against its conversion.
 */

BEGIN
{
	@a = count();
	printf("hello %d %d", 123, @a);
}
