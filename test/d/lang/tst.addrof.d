/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The & operator gives the address of a member or element in scratch
 * memory.
 */

#pragma D option quiet

struct s {
	int a;
	int b;
};

BEGIN
{
	this->s = (struct s *)alloca(sizeof (struct s));
	this->pb = &this->s->b;
	*this->pb = 99;
	printf("%d %d\n", this->s->b, (char *)this->pb - (char *)this->s);
	exit(0);
}
