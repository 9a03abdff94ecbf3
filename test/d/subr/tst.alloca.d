/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * alloca() returns scratch memory that can be written and read within
 * the clause.
 */

#pragma D option quiet

BEGIN
{
	this->p = (uint64_t *)alloca(3 * sizeof (uint64_t));
	this->p[0] = 1;
	this->p[1] = 0xffffffffffff;
	this->p[2] = this->p[0] + this->p[1];
	printf("%x\n", this->p[2]);
	this->c = (char *)alloca(4);
	this->c[0] = 'o';
	this->c[1] = 'k';
	this->c[2] = '\0';
	printf("%s\n", stringof(this->c));
	exit(0);
}
