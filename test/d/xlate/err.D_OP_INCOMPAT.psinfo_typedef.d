/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * curpsinfo is a psinfo_t * (the D library declares it so, as DTrace's
 * procfs.d does), and messages name it that way: "psinfo_t *", the
 * typedef DTrace's ctf_type_name() keeps, not "struct psinfo *".
 */

BEGIN
{
	trace(curpsinfo + curpsinfo);
}
