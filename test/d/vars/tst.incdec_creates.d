/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * ++ and -- bring a variable into being: a global, self-> or this->
 * variable, or an associative array element, that is not yet declared
 * or assigned becomes an int64_t (DTrace's dt_cook_op1()), here in the
 * first clause's predicate and as the first mention in the actions.
 */

#pragma D option quiet

BEGIN
/x++ == 0/
{
	i++;
	self->n--;
	this->t++;
	a["k"]++;
	a["k"]++;
	printf("%d %d %d %d %d\n", x, i, self->n, this->t, a["k"]);
	printf("%d %d %d %d\n", sizeof (x), sizeof (i), sizeof (self->n),
	    sizeof (a["k"]));
}

BEGIN
{
	i--;
	i--;
	printf("%d\n", i);
	exit(0);
}
