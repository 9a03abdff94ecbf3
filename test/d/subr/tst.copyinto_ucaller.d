/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyinto() copies user memory into scratch memory.  BEGIN fires in
 * dtrace(1)'s DTRACEIOC_GO ioctl(), so ucaller is the return address of
 * an x86-64 syscall instruction, whose two bytes (0x0f 0x05) precede it.
 * A ucaller of 0 faults; a wrong one copies other bytes.
 */

#pragma D option quiet

BEGIN
{
	this->buf = (uint8_t *)alloca(2);
	copyinto(ucaller - 2, 2, this->buf);
	printf("%x %x\n", this->buf[0], this->buf[1]);
	exit(0);
}

ERROR
{
	printf("error %d\n", arg4);
	exit(1);
}
