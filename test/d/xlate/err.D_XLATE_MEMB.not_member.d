/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: every member a translator defines must be a member of its output type (D_XLATE_MEMB).
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
	nosuch = ivar->ic;
};

BEGIN
{
	exit(0);
}
