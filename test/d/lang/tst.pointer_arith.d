/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Pointer arithmetic scales by the size of the pointed-to type;
 * subscripts are pointer arithmetic.
 */

#pragma D option quiet

BEGIN
{
	this->a = (int *)alloca(4 * sizeof (int));
	this->a[0] = 10;
	this->a[1] = 20;
	*(this->a + 2) = 30;
	this->a[3] = 40;
	printf("%d %d %d %d\n", *this->a, this->a[1], this->a[2], *(this->a + 3));
	printf("%d\n", (this->a + 3) - this->a);
	printf("%d\n", (char *)(this->a + 3) - (char *)this->a);
	this->p = this->a;
	this->p++;
	printf("%d\n", *this->p);
	exit(0);
}
