/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: attributes may not be used with void.
 */
unsigned void *p;

BEGIN
{
	exit(0);
}
