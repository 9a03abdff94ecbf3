/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Any non-zero integer or non-NULL pointer is true in a condition.
 */

#pragma D option quiet

BEGIN
{
	printf("%s %s %s\n", 2 ? "t" : "f", -1 ? "t" : "f", 0 ? "t" : "f");
	this->p = (char *)alloca(1);
	printf("%s\n", this->p ? "t" : "f");
	exit(0);
}
