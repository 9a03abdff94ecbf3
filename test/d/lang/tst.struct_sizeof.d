/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Struct layout follows the C ABI: members are aligned and the struct
 * is padded to its alignment.
 */

#pragma D option quiet

struct s1 {
	char c;
	int i;
};

struct s2 {
	char c;
	long l;
	short s;
};

struct s3 {
	char a[3];
};

BEGIN
{
	printf("%d %d %d\n", sizeof (struct s1), sizeof (struct s2),
	    sizeof (struct s3));
	printf("%d %d %d\n", offsetof (struct s1, i), offsetof (struct s2, l),
	    offsetof (struct s2, s));
	exit(0);
}
