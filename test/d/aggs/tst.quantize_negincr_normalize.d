/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * normalize() divides the negative counts too, as DTrace does: the
 * count is divided as an unsigned 64-bit number (dt_print_quantline():
 * "(long long)val / normal" with a uint64_t normal), so -4 / 2 prints
 * as (2^64 - 4) / 2 = 9223372036854775806; the bars are drawn from the
 * raw counts and keep their lengths.
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
