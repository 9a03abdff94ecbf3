/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A struct variable larger than max(8, strsize) bytes (here 264 bytes
 * with the default strsize of 256) is refused.
 */

#pragma D option quiet

struct big {
	uint64_t v[33];
};

struct big b;

BEGIN
{
	b.v[0] = 1;
	exit(0);
}
