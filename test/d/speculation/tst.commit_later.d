/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A speculation may be committed by a later probe firing.
 *
 * @@timeout: 60
 */

#pragma D option quiet

BEGIN
{
	s = speculation();
	printf("begin\n");
}

BEGIN
{
	speculate(s);
	printf("speculated in BEGIN\n");
}

tick-10ms
{
	commit(s);
}

tick-10ms
{
	exit(0);
}
