/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * "5f" is longer as a floating-point constant than as an integer, so
 * DTrace's lexer takes it as one and refuses it.
 */

BEGIN
{
	x = 5f;
	exit(0);
}
