/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The default output of a normalized sum() divides as DTrace's
 * dt_print_datum() does, "(long long)value / normal" with a uint64_t
 * normal: unsigned, so sum -4 normalized by 2 prints 2^63 - 2, while a
 * positive sum divides as usual.
 */

#pragma D option quiet

BEGIN
{
	@a["neg"] = sum(-4);
	@a["pos"] = sum(10);
	exit(0);
}

END
{
	normalize(@a, 2);
}
