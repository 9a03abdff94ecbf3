/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, aggregations are printed at exit after the final
 * newline.
 */

BEGIN
{
	@a["k"] = count();
	exit(0);
}
