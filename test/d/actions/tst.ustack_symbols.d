/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ustack() frames name the function and the object, as DTrace prints
 * them: BEGIN fires in dtrace(1)'s own ioctl() call, so the first frame
 * is libc's ioctl wrapper, "libc.so.6`<name ending in ioctl>+0x<offset>".
 */

#pragma D option quiet

BEGIN
{
	ustack(1);
	exit(0);
}
