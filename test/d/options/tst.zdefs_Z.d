/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * dtrace -Z allows probe descriptions that match nothing.
 *
 * @@runtest-opts: -Z
 */

#pragma D option quiet

nosuchprovider:::nosuchprobe
{
	printf("never\n");
}

BEGIN
{
	printf("ok\n");
	exit(0);
}
