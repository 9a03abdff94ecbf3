/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: xlate to a type no translator produces is D_XLATE_NONE.
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

struct input_struct *ip;

BEGIN
{
	trace(xlate<struct output_struct>(ip).oi);
	exit(0);
}
