/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, printa() output follows the probe line.
 */

BEGIN
{
	@a["k"] = sum(4);
	exit(0);
}

END
{
	printa(@a);
}
