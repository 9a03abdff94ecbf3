/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: the translator declaration syntax: the input parameter needs a name (D_SYNTAX).
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

translator struct output_struct < struct input_struct * >
{
	oi = 1;
};

BEGIN
{
	exit(0);
}
