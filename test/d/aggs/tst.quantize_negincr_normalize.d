/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * normalize() divides the negative counts too; the bars keep their
 * lengths.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(-1, -4);
	@q = quantize(-2, -4);
	exit(0);
}

END
{
	normalize(@q, 2);
}
