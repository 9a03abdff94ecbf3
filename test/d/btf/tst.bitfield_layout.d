/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: bit-fields of D structs are laid out, read and written as C
 * lays them out (x86-64): a and b share the first int, "unsigned int : 0"
 * ends it, c is in the next byte, d (40 bits) does not fit in the rest of
 * the first 8-byte unit and starts the second: sizeof is 16.  Values are
 * truncated to the field's width (c = 7 in 2 bits is 3), signed fields are
 * sign-extended (b = -3), ++ works on a bit-field.
 */
#pragma D option quiet

struct bits {
	unsigned int a : 3;
	int b : 5;
	unsigned int : 0;
	unsigned char c : 2;
	unsigned long d : 40;
};

self struct bits s;

BEGIN
{
	self->s.a = 5;
	self->s.b = -3;
	self->s.c = 7;
	self->s.d = 0x123456789a;
	self->s.a++;
	printf("%d %d %d %x %d\n", self->s.a, self->s.b, self->s.c,
	    self->s.d, sizeof (struct bits));
	exit(0);
}
