/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyin() of a readable user address succeeds and returns that memory.
 * BEGIN fires in dtrace(1)'s DTRACEIOC_GO ioctl(), so ucaller, the user
 * PC at the probe, is the return address of an x86-64 syscall
 * instruction, whose two bytes (0x0f 0x05) precede it.  A ucaller of 0 or
 * a wrong address faults or reads other bytes.
 */

#pragma D option quiet

BEGIN
{
	this->p = (uint8_t *)copyin(ucaller - 2, 2);
	printf("%x %x\n", this->p[0], this->p[1]);
	exit(0);
}

ERROR
{
	printf("error %d\n", arg4);
	exit(1);
}
