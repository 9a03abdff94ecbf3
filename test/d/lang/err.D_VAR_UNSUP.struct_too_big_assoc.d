/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An associative array whose struct values are larger than
 * max(8, strsize) bytes is refused, also when strsize is set lower.
 */

#pragma D option quiet
#pragma D option strsize=32

struct pair3 {
	uint64_t a, b, c, d, e;
};

struct pair3 i[string];

BEGIN
{
	i["read"].a++;
	exit(0);
}
