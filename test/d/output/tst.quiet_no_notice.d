/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * In quiet mode the matched-probes notice is not printed.
 *
 * @@runtest-opts: -q
 */

BEGIN
{
	exit(0);
}
