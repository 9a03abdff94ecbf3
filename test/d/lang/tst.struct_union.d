/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Union-typed global and thread-local variables: a member written is read
 * back through another member (x86-64 is little-endian).
 */

#pragma D option quiet

union word {
	uint32_t w;
	uint8_t b[4];
};

union word u;
self union word su;

BEGIN
{
	u.w = 0x01020304;
	self->su = u;
	self->su.b[0] = 0x44;
	printf("%x %x\n", u.w, self->su.w);
	printf("%d %d\n", u.b[0], self->su.b[3]);
	exit(0);
}
