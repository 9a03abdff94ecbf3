/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * stringof() of a string is the string; of a char array or char pointer
 * it is a string.
 */

#pragma D option quiet

struct s {
	char b[8];
};

BEGIN
{
	printf("[%s]\n", stringof("abc"));
	this->p = (struct s *)alloca(sizeof (struct s));
	this->p->b[0] = 'x';
	this->p->b[1] = 'y';
	this->p->b[2] = 0;
	s = stringof(this->p->b);
	printf("[%s] %d\n", s, strlen(s));
	exit(0);
}
