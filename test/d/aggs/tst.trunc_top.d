/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * trunc(@a, n) keeps the n entries with the largest values.
 */

#pragma D option quiet

BEGIN
{
	@a["one"] = sum(1);
	@a["five"] = sum(5);
	@a["three"] = sum(3);
	@a["four"] = sum(4);
	exit(0);
}

END
{
	trunc(@a, 2);
}
