/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyout() is refused without -w or the destructive option.
 */

#pragma D option quiet

BEGIN
{
	this->p = alloca(8);
	copyout(this->p, 0, 8);
	exit(0);
}
