/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: xlate with no translator from the operand's type to the requested one is D_XLATE_NONE.
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

BEGIN
{
	trace(xlate<struct output_struct *>("a string")->oi);
	exit(0);
}
