/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An unterminated comment is an error.
 */

#pragma D option quiet

BEGIN
{
	exit(0);
}
/* never closed
