/* SPDX-License-Identifier: GPL-2.0 */
/*
 * -S shows an aggregation with a string key and lquantize parameters.
 */
tick-1s
{
	@lat[execname] = lquantize(arg0, 0, 100, 10);
}
