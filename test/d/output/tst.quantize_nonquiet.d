/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, a histogram is printed at exit in the same layout.
 */

BEGIN
{
	@q = quantize(5);
	exit(0);
}
