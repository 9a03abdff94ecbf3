/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A newline in a string literal: DTrace has read the newline when it
 * reports, so the line is the one after the literal's opening quote.
 */

BEGIN
{

	h = "hello

		there";
	exit(0);
}
