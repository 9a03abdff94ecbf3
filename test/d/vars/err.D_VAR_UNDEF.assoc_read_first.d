/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Reading an associative array that has not yet been declared or
 * assigned is an error.
 */

BEGIN
{
	trace(counts["x"]);
}
