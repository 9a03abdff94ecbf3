/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Two enumerators with the same name are an error.
 */

#pragma D option quiet

enum e1 { DUP };
enum e2 { DUP };

BEGIN
{
	exit(0);
}
