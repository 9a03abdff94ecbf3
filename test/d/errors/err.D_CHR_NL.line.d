/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A newline in a character constant: the line after its opening quote.
 */

BEGIN
{
	h = '
		';
	exit(0);
}
