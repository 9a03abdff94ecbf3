/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Extra arguments: DTrace counts the arguments the format takes (here 2).
 */

BEGIN
{
	printf("x = %d y = %d\n", 123, 456, 789);
}
