/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A clause's actions are compiled before its predicate, as DTrace's
 * dt_cook_clause() does, so a variable the actions assign may be read in
 * the predicate of the same clause; the predicate still runs first.
 */

#pragma D option quiet

BEGIN
/n == 0/
{
	n = 5;
	self->s = "set";
}

BEGIN
/self->s == "set" && n == 5/
{
	printf("%d %s\n", n, self->s);
	exit(0);
}
