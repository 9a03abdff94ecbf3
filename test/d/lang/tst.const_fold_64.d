/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Integer constant expressions fold as DTrace folds them (illumos
 * libdtrace dt_parser.c dt_node_op2()): in 64 bits, the value kept whole
 * although the result's type is that of the operands.  "1 << 32" is an
 * int holding 0x100000000: trace() and printf("%d") record and print the
 * int's 4 bytes, 0, while 1LL << 32 and 0x100000000 (a long by its value)
 * are 4294967296.  Folding on: (1 << 32) >> 32 is 1, 1 << 32 == 0 is
 * false and a predicate on 1 << 32 is true.  A cast narrows or widens
 * from the source type's size (dt_cast()): (long)(1 << 32) is 0.
 */

#pragma D option quiet

BEGIN
{
	trace(1 << 32);
	printf("\n");
	trace(1LL << 32);
	printf("\n");
	trace(0x100000000);
	printf("\n");
	printf("%d %d %d\n", 1 << 32, (1 << 32) >> 32, 1 << 32 == 0);
	printf("%d %d\n", sizeof (1 << 32), sizeof (0x100000000));
	printf("%d\n", (long)(1 << 32));
}

BEGIN
/1 << 32/
{
	printf("predicate true\n");
}

BEGIN
{
	exit(0);
}
