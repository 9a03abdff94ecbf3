/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A string variable against NULL, as the Guide's whoexec.d uses it:
 * `self->parent != NULL` is true once set, `self->parent = NULL`
 * deallocates it (DTrace: a null value stored to a dynamic variable
 * deletes it), after which it compares equal to NULL again, like one never
 * set.  DTrace accepts both: its string is a char array, which a void *
 * matches.
 */
#pragma D option quiet

self string parent;
self string other;

BEGIN
{
	printf("%d\n", self->parent == NULL);
	self->parent = execname;
	printf("%d\n", self->parent != NULL);
	self->parent = NULL;
	printf("%d\n", self->parent != NULL);
	printf("%d\n", NULL == self->other);
	exit(0);
}
