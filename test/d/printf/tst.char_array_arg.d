/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A char array argument prints as a string with %s.
 */

#pragma D option quiet

struct s {
	char buf[16];
};

BEGIN
{
	this->p = (struct s *)alloca(sizeof (struct s));
	this->p->buf[0] = 'o';
	this->p->buf[1] = 'k';
	this->p->buf[2] = 0;
	printf("[%s][%5s]\n", this->p->buf, this->p->buf);
	exit(0);
}
