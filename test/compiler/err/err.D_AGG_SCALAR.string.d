/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Aggregating functions need a scalar argument.
 */

BEGIN
{
	@a = quantize(execname);
}
