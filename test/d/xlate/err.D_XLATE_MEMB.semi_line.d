/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A translator declaration's errors are reported when the whole
 * declaration has been read, at the line of the ';' that ends it
 * (DTrace's grammar reduces translator_definition, '{' members '}' ';',
 * and dt_node_xlator() checks it then), here a line after the '}'.
 */

struct input_struct {
	int ii;
};

struct output_struct {
	int oi;
};

translator struct output_struct < struct input_struct *ivar >
{
	oi = ivar->ii;
	nosuch = ivar->ii;
}
;

BEGIN
{
	exit(0);
}
