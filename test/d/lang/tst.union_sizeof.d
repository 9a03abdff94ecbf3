/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A union is as large as its largest member, aligned for its strictest
 * member.
 */

#pragma D option quiet

union u {
	char c;
	int i;
	long l;
	char buf[12];
};

BEGIN
{
	printf("%d %d\n", sizeof (union u), offsetof (union u, buf));
	exit(0);
}
