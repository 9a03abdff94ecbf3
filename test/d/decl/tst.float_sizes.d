/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * D declares float, double and long double (sizes 4, 8 and 16 on x86-64)
 * though it has no floating-point arithmetic: variables, members and
 * sizeof take them, and a double member is aligned as in C.
 */

#pragma D option quiet

struct fd {
	char c;
	double d;
};

float f;
double d;
long double ld;

BEGIN
{
	printf("%d %d %d %d %d %d %d\n", sizeof (f), sizeof (d), sizeof (ld),
	    sizeof (float), sizeof (long double), offsetof(struct fd, d),
	    sizeof (struct fd));
	exit(0);
}
