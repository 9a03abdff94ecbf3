/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * END output follows BEGIN output.
 */

BEGIN
{
	trace("begin");
	exit(0);
}

END
{
	trace("end");
}
