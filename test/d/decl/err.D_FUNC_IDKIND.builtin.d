/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A built-in variable is an identifier too: calling args, an associative
 * array to DTrace, is D_FUNC_IDKIND "associative array 'args' may not be
 * referenced as a function".
 */

BEGIN
{
	args(0);
}
