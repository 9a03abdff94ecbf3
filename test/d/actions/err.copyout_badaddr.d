/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * copyout() to an invalid user address is a run-time error.
 */

#pragma D option quiet

#pragma D option destructive

BEGIN
{
	this->p = alloca(8);
	copyout(this->p, 0, 8);
	exit(0);
}

ERROR
{
	exit(1);
}
