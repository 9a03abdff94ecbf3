/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Clause-local variables may be declared with the this keyword.
 */

#pragma D option quiet

this int x;
this char c;

BEGIN
{
	this->x = 123;
	this->c = 'D';
	printf("%d %c\n", this->x, this->c);
	exit(0);
}
