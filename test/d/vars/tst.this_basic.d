/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Clause-local variables hold values within a clause.
 */

#pragma D option quiet

BEGIN
{
	this->a = 10;
	this->b = this->a * 2;
	this->s = "loc";
	printf("%d %d %s\n", this->a, this->b, this->s);
	exit(0);
}
