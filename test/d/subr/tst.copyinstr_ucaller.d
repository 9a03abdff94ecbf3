/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyinstr(addr, n) of a readable user address returns at most n
 * characters.  BEGIN fires in dtrace(1)'s DTRACEIOC_GO ioctl(), so
 * ucaller is the return address of an x86-64 syscall instruction: the
 * two bytes before it (0x0f 0x05) are a string of two characters, and
 * copyinstr(ucaller - 2, 1) keeps one of them.  A ucaller of 0 faults.
 */

#pragma D option quiet

BEGIN
{
	printf("%d %d\n", strlen(copyinstr(ucaller - 2, 2)),
	    strlen(copyinstr(ucaller - 2, 1)));
	exit(0);
}

ERROR
{
	printf("error %d\n", arg4);
	exit(1);
}
