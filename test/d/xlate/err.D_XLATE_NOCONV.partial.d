/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a partial translator: using a member it does not define is D_XLATE_NOCONV.
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

struct input_struct *ip;

BEGIN
{
	trace(xlate<struct output_struct *>(ip)->ol);
	exit(0);
}
