/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Without quiet, BEGIN { exit(0); } prints the heading and one probe
 * line.
 */

BEGIN
{
	exit(0);
}
