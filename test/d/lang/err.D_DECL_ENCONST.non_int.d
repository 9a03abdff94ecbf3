/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * An enumerator must be an integer constant expression.
 */

#pragma D option quiet

enum e {
	A = "x"
};

BEGIN
{
	exit(0);
}
