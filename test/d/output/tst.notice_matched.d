/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, dtrace reports on stderr how many probes the script
 * matched.
 */

BEGIN
{
	exit(0);
}

END
{
}
