/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * aggsortkey with aggsortrev sorts by key in reverse.
 */

#pragma D option quiet

#pragma D option aggsortkey
#pragma D option aggsortrev

BEGIN
{
	@a["c"] = sum(1);
	@a["a"] = sum(3);
	@a["b"] = sum(2);
	exit(0);
}
