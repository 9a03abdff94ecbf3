/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a struct may point to its own type; the kernel also has a
 * struct node, and D's own declaration of that tag is D's, not the
 * kernel's.
 */
#pragma D option quiet

struct node {
	int val;
	struct node *next;
};

BEGIN
{
	this->a = (struct node *)alloca(sizeof (struct node));
	this->a->val = 7;
	this->a->next = this->a;
	printf("%d %d\n", this->a->next->next->val, sizeof (struct node));
	exit(0);
}
