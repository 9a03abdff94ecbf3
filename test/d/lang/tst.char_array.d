/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A char array member can be filled byte by byte and printed as a
 * string with %s.
 */

#pragma D option quiet

struct name {
	char n[8];
};

BEGIN
{
	this->p = (struct name *)alloca(sizeof (struct name));
	this->p->n[0] = 'h';
	this->p->n[1] = 'i';
	this->p->n[2] = '\0';
	printf("%s\n", this->p->n);
	printf("%d\n", sizeof (this->p->n));
	exit(0);
}
