/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * Destructive actions may not follow speculate().
 *
 * @@runtest-opts: -w
 */

BEGIN
{
	speculate(1);
	chill(1);
}
