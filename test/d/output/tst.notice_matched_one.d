/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * The notice uses the singular for one probe.
 */

BEGIN
{
	exit(0);
}
