/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: print() of a kernel struct prints its type, then each member
 * as "TYPE NAME = VALUE" indented four spaces a level, integers and
 * pointers in hex ("%#x": 0 is "0"), the members of anonymous unions and
 * structs under "union  {" / "struct  {", closing braces at their level
 * and no newline after the last one (DTrace's print() format).
 */
#pragma D option quiet

BEGIN
{
	this->t = (struct timespec64 *)alloca(sizeof (struct timespec64));
	this->t->tv_sec = 5;
	print(*this->t);
	printf("\n");
	this->q = (struct qstr *)alloca(sizeof (struct qstr));
	this->q->hash = 1;
	this->q->len = 2;
	print(*this->q);
	printf("\n");
	print(this->q->len);
	printf("\n");
	exit(0);
}
