/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With zdefs, a probe description that matches nothing is allowed.
 */

#pragma D option quiet

#pragma D option zdefs

nosuchprovider:::nosuchprobe
{
	printf("never\n");
}

BEGIN
{
	printf("ok\n");
	exit(0);
}
