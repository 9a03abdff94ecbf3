/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Calling a declared variable is DTrace's D_FUNC_IDKIND: the identifier
 * exists but is of another kind, "scalar 'x' may not be referenced as a
 * function" (dt_node_func, with dt_idkind_name()'s kind names).
 */

int x;

BEGIN
{
	x(1);
}
