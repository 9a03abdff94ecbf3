/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Pointers and integers can be cast to each other.
 */

#pragma D option quiet

BEGIN
{
	this->p = (char *)alloca(8);
	this->i = (uintptr_t)this->p;
	this->q = (char *)this->i;
	printf("%d %d\n", this->q == this->p, (uintptr_t)(this->p + 3) - this->i);
	exit(0);
}
