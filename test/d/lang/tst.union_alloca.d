/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Union members alias the same bytes (x86-64 is little-endian).
 */

#pragma D option quiet

union u {
	int i;
	unsigned char c[4];
};

BEGIN
{
	this->u = (union u *)alloca(sizeof (union u));
	this->u->i = 0x01020304;
	printf("%d %d %d %d\n", this->u->c[0], this->u->c[1], this->u->c[2],
	    this->u->c[3]);
	exit(0);
}
