/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Prefix and postfix ++ and -- yield the new and the old value
 * respectively, on global, thread-local and clause-local variables.
 */

#pragma D option quiet

BEGIN
{
	x = 5;
	y = x++;
	z = ++x;
	printf("%d %d %d\n", x, y, z);
	w = x--;
	v = --x;
	printf("%d %d %d\n", x, w, v);
	self->t = 10;
	self->t++;
	++self->t;
	this->l = 20;
	this->l--;
	--this->l;
	printf("%d %d\n", self->t, this->l);
	exit(0);
}
