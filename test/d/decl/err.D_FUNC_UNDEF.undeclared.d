/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Calling a name that is no identifier at all is DTrace's D_FUNC_UNDEF,
 * "undefined function name: NAME" (dt_node_func), also where an
 * aggregating function is expected.
 */

BEGIN
{
	@a = nosuchfunc(1);
}
