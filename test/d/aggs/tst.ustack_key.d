/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ustack() can be an aggregation key: BEGIN fires in dtrace(1)'s own
 * ioctl, so the key is dtrace's user stack.
 */

#pragma D option quiet

BEGIN
{
	@u[ustack()] = count();
	exit(0);
}

END
{
	printa("%k%@d\n", @u);
}
