/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A keyed quantize() prints the key on its own line, then the
 * histogram.
 */

#pragma D option quiet

BEGIN
{
	@q["k"] = quantize(2);
	exit(0);
}
