/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a member's expression is type-checked when the translator is declared: a member the input type lacks is D_TYPE_MEMBER.
 */

struct input_struct {
	int ii;
	char ic;
	char iname[8];
};

struct output_struct {
	int oi;
	char oc;
	long ol;
};

translator struct output_struct < struct input_struct *ivar >
{
	oi = ivar->nosuch;
};

BEGIN
{
	exit(0);
}
