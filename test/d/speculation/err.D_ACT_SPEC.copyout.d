/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * A destructive subroutine makes an expression statement destructive:
 * it may not follow speculate().
 *
 * @@runtest-opts: -w
 */

BEGIN
{
	speculate(1);
	copyoutstr("x", arg1, 2);
}
