/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A pointer to a struct can be declared before the struct is complete.
 */

#pragma D option quiet

struct node;

struct node {
	int val;
	struct node *next;
};

BEGIN
{
	this->a = (struct node *)alloca(sizeof (struct node));
	this->b = (struct node *)alloca(sizeof (struct node));
	this->a->val = 1;
	this->a->next = this->b;
	this->b->val = 2;
	this->b->next = NULL;
	printf("%d %d %d\n", this->a->next->val, this->b->next == NULL,
	    sizeof (struct node));
	exit(0);
}
