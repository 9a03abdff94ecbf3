/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Function prototypes are declarations (DTrace takes a global one as an
 * extern declaration): named, unnamed and variable-length parameters, a
 * void parameter list, a function-pointer variable and a typedef of a
 * function type are all accepted; a pointer to function is 8 bytes.
 */

#pragma D option quiet

int foo(int, char *);
void bar(void);
int baz(int x, string s, ...);
int (*fp)(int);
typedef int fn_t(int);

BEGIN
{
	printf("%d\n", sizeof (fp));
	exit(0);
}
