/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERTION:
 * With -C, an unterminated #if fails in the preprocessor: DTrace's
 * message "Preprocessor failed to process input program", no D tag.
 *
 * @@runtest-opts: -C
 * @@timeout: 90
 * @@compile-error
 */

#if 1
BEGIN
{
	exit(0);
}
