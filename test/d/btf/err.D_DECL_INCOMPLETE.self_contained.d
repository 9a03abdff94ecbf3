/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a struct cannot contain itself (its type is incomplete inside
 * its own body); a pointer to itself is allowed (tst.self_pointer.d).
 */
struct foo {
	int x;
	struct foo f;
};

BEGIN
{
	exit(0);
}
