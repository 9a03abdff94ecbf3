/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * BEGIN fires before everything and END after everything, wherever they
 * appear in the program.
 *
 * @@timeout: 60
 */

#pragma D option quiet

END
{
	printf("end\n");
}

tick-10ms
{
	printf("tick\n");
	exit(0);
}

BEGIN
{
	printf("begin\n");
}
