/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * printa() whose first argument is neither a format nor an aggregation:
 * the prototype named is "aggregation".
 */

BEGIN
{
	printa(123);
}
