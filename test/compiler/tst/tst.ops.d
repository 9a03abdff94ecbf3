/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Every C operator compiles.
 */

BEGIN
{
	a = 1; b = 2;
	c = a + b - a * b / b % 3;
	c = a << 2 | b >> 1 & 7 ^ 1;
	c = ~a + -b + !a;
	c = a < b && b > a || a <= b ^^ a >= b;
	c = a == b ? a : b != a ? b : 0;
	c += 1; c -= 1; c *= 2; c /= 2; c %= 5;
	c <<= 1; c >>= 1; c &= 3; c |= 4; c ^= 1;
	c++; c--; ++c; --c;
	x = (char)c + (short)c + (long)c + (unsigned long long)c;
	y = sizeof (c) + sizeof (int *) + sizeof c;
}
