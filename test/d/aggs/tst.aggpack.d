/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggpack prints quantize() and lquantize() one row per key: the buckets
 * any row uses as one character each (ASCII with encoding=ascii, 'v'/'V'
 * for negative counts), between the lowest and highest bucket values,
 * then the total count; keys take their packed widths.  The data are
 * those of illumos DTrace's tst.aggpack.d (without its tick-driven
 * aggregation) and the expected output is that test's .out file.  Its
 * quantize(1 << 32) counts 4294967296: DTrace folds integer constants in
 * 64 bits and keeps the value whole although "1 << 32" is an int.
 */

#pragma D option aggpack
#pragma D option encoding=ascii
#pragma D option quiet

BEGIN
{
	@x = quantize(1 << 32);
	@y[1] = quantize(1);
	@z["mumble"] = quantize(1);
	@xx["foo", (char)1, (short)2, (long)3] = quantize(1);

	@neg = lquantize(-10, -10, 20, 1, -1);
	@neg = lquantize(-5, -10, 20, 1, 1);
	@neg = lquantize(0, -10, 20, 1, 1);
	exit(0);
}

END
{
	setopt("aggzoom", "true");
	printa(@neg);
	setopt("aggzoom", "false");
	printa(@neg);
}
