/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * D has no floating-point arithmetic: a double is not an arithmetic
 * type, so + refuses it (DTrace's dt_node_is_arith() takes integers and
 * enums only).
 */

double d;

BEGIN
{
	x = d + 1;
	exit(0);
}
