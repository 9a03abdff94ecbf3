/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyinstr(addr, n) of a readable user address returns at most n
 * characters.
 */

#pragma D option quiet

BEGIN
/ucaller != 0/
{
	printf("%d\n", strlen(copyinstr(ucaller, 4)) <= 4);
	exit(0);
}

BEGIN
/ucaller == 0/
{
	printf("1\n");
	exit(0);
}

ERROR
{
	printf("error %d\n", arg4);
	exit(1);
}
