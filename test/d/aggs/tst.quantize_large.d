/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Large values land in their power-of-two bucket.
 */

#pragma D option quiet

BEGIN
{
	@q = quantize(1000);
	@q = quantize(1023);
	@q = quantize(1024);
	@q = quantize(1LL << 40);
	exit(0);
}
