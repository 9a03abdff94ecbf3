/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a member's expression must have a type the member may be assigned (D_XLATE_INCOMPAT): a string is no int.
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
	oi = "a string";
};

BEGIN
{
	exit(0);
}
