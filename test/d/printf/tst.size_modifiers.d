/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The h, l and ll size modifiers are accepted with arguments of
 * matching types.
 */

#pragma D option quiet

BEGIN
{
	printf("[%hd][%hu]\n", (short)-2, (unsigned short)65535);
	printf("[%ld][%lu][%lx]\n", (long)-2, (unsigned long)3, (long)255);
	printf("[%lld][%llu][%llx]\n", (long long)-2, (unsigned long long)3,
	    (uint64_t)255);
	exit(0);
}
