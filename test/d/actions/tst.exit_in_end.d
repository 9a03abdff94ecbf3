/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit() in END is allowed; its status is used.
 *
 * @@status: 4
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}

END
{
	exit(4);
}
