/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A typedef may name a pointer type.
 */

#pragma D option quiet

typedef char *charp_t;

BEGIN
{
	this->c = (charp_t)alloca(2);
	this->c[0] = 'z';
	this->c[1] = 0;
	printf("%s %d\n", stringof(this->c), sizeof (charp_t));
	exit(0);
}
