/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * alloca() of more scratch space than exists faults. An ERROR clause
 * turns the fault into exit status 1.
 */

#pragma D option quiet

BEGIN
{
	x = alloca(1LL << 40);
	exit(0);
}

ERROR
{
	exit(1);
}
