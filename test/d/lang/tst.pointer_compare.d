/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Pointers compare by address; NULL is 0.
 */

#pragma D option quiet

BEGIN
{
	this->a = (char *)alloca(8);
	printf("%d %d %d\n", this->a + 1 > this->a, this->a == this->a,
	    this->a != NULL);
	printf("%d\n", (char *)NULL == 0);
	exit(0);
}
