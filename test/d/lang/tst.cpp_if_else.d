/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With -C, the preprocessor's #if/#elif/#else choose the clauses.
 *
 * @@runtest-opts: -C
 * @@timeout: 90
 */

#pragma D option quiet

#define LEVEL 2

#if LEVEL > 2
BEGIN
{
	printf("high\n");
}
#elif LEVEL == 2
BEGIN
{
	printf("two\n");
}
#else
BEGIN
{
	printf("low\n");
}
#endif

#ifdef UNDEFINED_NAME
BEGIN
{
	printf("undefined\n");
}
#endif

BEGIN
{
	exit(0);
}
