/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyinto() copies user memory into scratch memory.
 */

#pragma D option quiet

BEGIN
/ucaller != 0/
{
	this->buf = (uint8_t *)alloca(4);
	copyinto(ucaller, 4, this->buf);
	this->p = (uint8_t *)copyin(ucaller, 4);
	printf("%d\n", *(uint32_t *)this->buf == *(uint32_t *)this->p);
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
