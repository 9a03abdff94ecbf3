/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Options set by several pragmas all apply.
 */

#pragma D option quiet

#pragma D option strsize=64
#pragma D option bufsize=256k
#pragma D option aggsortkey
#pragma D option aggsortrev

BEGIN
{
	@a["a"] = sum(2);
	@a["b"] = sum(1);
	exit(0);
}
