/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * exit(255) makes dtrace exit with status 255.
 *
 * @@status: 255
 */

#pragma D option quiet

BEGIN
{
	exit(255);
}
