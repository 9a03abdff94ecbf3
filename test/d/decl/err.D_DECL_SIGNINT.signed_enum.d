/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION: signed and unsigned may not be used with an enum.
 */
enum e { A, B };

signed enum e x;

BEGIN
{
	exit(0);
}
