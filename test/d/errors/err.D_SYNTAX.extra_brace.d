/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An extra } after a clause is a syntax error near it (not the lexer's
 * "extra }": DTrace reads it outside a clause).
 */

BEGIN
{
	trace(epid);
}
}
