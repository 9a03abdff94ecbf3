/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: declaring a second translator between the same two types is D_XLATE_REDECL, naming both types.
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
	oi = ivar->ii;
};

translator struct output_struct < struct input_struct *ivar >
{
	oc = ivar->ic;
};

BEGIN
{
	exit(0);
}
