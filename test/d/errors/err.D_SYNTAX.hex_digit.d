/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * "0x1g" is the constant 0x1 followed by the identifier g (DTrace's
 * lexer ends the hexadecimal constant at the first non-hex digit).
 */

BEGIN
{
	x = 0x1g;
	exit(0);
}
