/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: a translator's output type must be a struct or union (D_XLATE_SOU).
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

translator int < struct input_struct *ivar >
{
	oi = ivar->ii;
};

BEGIN
{
	exit(0);
}
