/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * void * holds any pointer and compares equal after a round trip.
 */

#pragma D option quiet

BEGIN
{
	this->p = alloca(4);
	this->v = (void *)this->p;
	this->i = (int *)this->v;
	*this->i = 77;
	printf("%d\n", *(int *)this->p);
	exit(0);
}
