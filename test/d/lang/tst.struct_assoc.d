/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Members of structs stored in an associative array can be assigned and
 * read (the Dynamic Tracing Guide callinfo example).
 */

#pragma D option quiet

struct callinfo {
	uint64_t ts;
	uint64_t calls;
};

struct callinfo i[string];

BEGIN
{
	i["read"].calls++;
	i["read"].calls++;
	i["write"].calls++;
	i["read"].ts = 1234;
	printf("%d %d %d\n", i["read"].calls, i["write"].calls, i["read"].ts);
	exit(0);
}
