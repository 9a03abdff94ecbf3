/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyin() of a readable user address (the user PC at the probe)
 * succeeds.
 */

#pragma D option quiet

BEGIN
/ucaller != 0/
{
	this->p = (uint8_t *)copyin(ucaller, 4);
	printf("%d\n", this->p != NULL);
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
