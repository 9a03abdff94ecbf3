/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * C comments may appear anywhere white space may.
 */

#pragma D option quiet

/* leading comment */
BEGIN /* between description and body */
{
	/* in the body */
	x = 1 /* inside an expression */ + 2;
	printf("%d\n", x);	/* trailing */
	exit(/* zero */ 0);
}
