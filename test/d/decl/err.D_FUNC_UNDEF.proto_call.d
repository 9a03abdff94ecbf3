/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A function declared only by its prototype cannot be called: DTrace
 * takes the prototype as an extern declaration of a symbol of the D
 * program (dt_node_decl), which is no identifier, so the call's name is
 * looked up and not found when the call is parsed (dt_node_func):
 * D_FUNC_UNDEF "undefined function name: foo", at the line of the
 * call's closing parenthesis.
 */

int foo(int);

BEGIN
{
	foo(1,
	    2);
	exit(0);
}
