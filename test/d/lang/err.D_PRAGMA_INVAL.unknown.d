/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unknown name after #pragma D is an error.
 */

#pragma D frobnicate on

BEGIN
{
	exit(0);
}
