/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A ) without its ( is the lexer's error "extra ) in input stream".
 */

BEGIN
{
	trace(epid));
}
